import type { SearchSchemaInput } from '@tanstack/react-router'

/**
 * The sign-in page's URL search, checked by hand like the tokens page's (no zod in the first
 * render for one string).
 */
export function validateSignInSearch(search: { redirect?: string } & SearchSchemaInput): {
  /** Where to go after signing in; only paths inside this app are honoured. */
  redirect: string | undefined
} {
  const input: Record<string, unknown> = search
  return { redirect: typeof input.redirect === 'string' ? input.redirect : undefined }
}

/** Returns an in-app path, never another origin (`//evil.example`, `https://…`, `javascript:`). */
export function safeRedirectPath(redirect: string | undefined): string {
  if (
    !redirect ||
    !redirect.startsWith('/') ||
    redirect.startsWith('//') ||
    redirect.includes('\\')
  ) {
    return '/tokens'
  }
  if (redirect === '/sign-in' || redirect.startsWith('/sign-in?')) return '/tokens'
  return redirect
}
