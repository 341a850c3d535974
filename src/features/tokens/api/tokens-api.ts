import { ApiError } from '../../../lib/http/api-error'
import { apiRequest } from '../../session/api/api-request'
import { createdTokenSchema, tokenListSchema, revokedTokenSchema, type Token } from './token-schema'

export async function listTokens({ signal }: { signal?: AbortSignal } = {}): Promise<Token[]> {
  const { tokens } = await apiRequest({ path: '/tokens', schema: tokenListSchema, signal })
  return tokens
}

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

export interface CreatedToken {
  /** The whole secret: shown once, then dropped. Never cached, logged or put in a URL. */
  secret: string
  token: Token
}

/** `POST /tokens`'s body (§3.2). */
export interface CreateTokenRequest {
  name: string
  scopes: string[]
  expiresAt?: string
}

/** Creates a token (§3.2). Never retried: a second POST would mint a second token. */
export async function createToken(request: CreateTokenRequest): Promise<CreatedToken> {
  const created = await apiRequest({
    method: 'POST',
    path: '/tokens',
    body: request,
    schema: createdTokenSchema,
  })
  return { secret: created.token, token: created.metadata }
}
