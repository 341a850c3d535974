import { z } from 'zod/mini'

export const signInSearchSchema = z.object({
  /** Where to go after signing in; only paths inside this app are honoured. */
  redirect: z.catch(z.optional(z.string()), undefined),
})

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
