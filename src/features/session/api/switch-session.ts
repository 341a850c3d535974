import type { QueryClient } from '@tanstack/react-query'
import { meQueries } from './me-queries'
import { signInWithSecret } from './session-api'

/**
 * Switches this session to `secret` without a sign-out (rotating the session's own token): the
 * serve command moves its cookie only once `/auth/me` confirms it is token `expectedId`, so a
 * failure leaves the old token in place. A 401 for the candidate does not sign the session out: it
 * is not a request made with the session.
 */
export async function switchSessionToken(
  queryClient: QueryClient,
  secret: string,
  expectedId: string,
): Promise<void> {
  const me = await signInWithSecret(secret, expectedId)
  queryClient.setQueryData(meQueries.me().queryKey, me)
}
