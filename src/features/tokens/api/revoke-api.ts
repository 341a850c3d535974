import { ApiError } from '../../../lib/http/api-error'
import { apiRequest } from '../../session/api/api-request'
import { revokedTokenSchema, type Token } from './token-schema'

/**
 * Revokes `id` and returns the server's record of it. Only an answer that confirms it is trusted:
 * a 200 whose token is another one, or not revoked, leaves the outcome unknown and throws
 * `UNCONFIRMED` (the caller refetches to learn what the server holds).
 */
export async function revokeToken(id: Token['id']): Promise<Token> {
  const { token } = await apiRequest({
    method: 'DELETE',
    path: `/tokens/${encodeURIComponent(id)}`, // ids are opaque strings (D10)
    schema: revokedTokenSchema,
  })
  if (token.id !== id || token.status !== 'revoked') {
    throw new ApiError({
      status: 200,
      code: 'UNCONFIRMED',
      message:
        token.id !== id
          ? 'OpenTrain answered about another token, so this revoke is not confirmed.'
          : 'OpenTrain answered, but does not show the token as revoked.',
    })
  }
  return token
}
