import type { QueryClient } from '@tanstack/react-query'
import { ApiError } from '../../../lib/http/api-error'
import { getMe } from './me-api'
import { meQueries } from './me-queries'
import { replaceSessionToken } from './session-store'

/**
 * Signs this session in with `secret` instead, without a sign-out in between (rotating the
 * session's own token). The secret is verified with `/auth/me` first and must be the token
 * `expectedId`; until both hold, nothing changes and the session keeps the token it had, so a
 * failure here never leaves the console without a working token. The check runs outside the query
 * client: a 401 for the candidate says nothing about the session's token and must not sign out.
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
