/**
 * The token id of an `/auth/me` answer, or `null` when it is not JSON or names none. Imports
 * nothing: src/testing/msw/serve-session.ts, the serve command's stand-in, reads answers with it too.
 */
export function tokenIdIn(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { token?: { id?: unknown } } | null)?.token?.id
    return typeof id === 'string' && id !== '' ? id : null
  } catch {
    return null
  }
}
