import type { QueryClient } from '@tanstack/react-query'
import { ApiError } from '../../../lib/http/api-error'
import { getMe } from './me-api'
import { meQueries } from './me-queries'
import { replaceSessionToken } from './session-store'

/**
 * Switches this session to `secret` without a sign-out (rotating the session's own token), only
 * once `/auth/me` confirms it is token `expectedId`, so a failure leaves the old token in place.
 * The check runs outside the query client: a 401 for the candidate must not sign the session out.
 */
export async function switchSessionToken(
  queryClient: QueryClient,
  secret: string,
  expectedId: string,
): Promise<void> {
  const me = await getMe({ token: secret })
  if (me.token.id !== expectedId) {
    throw new ApiError({
      status: 200,
      code: 'UNCONFIRMED',
      message: 'OpenTrain answered about another token, so this console did not switch to it.',
    })
  }
  replaceSessionToken(secret)
  queryClient.setQueryData(meQueries.me().queryKey, me)
}
