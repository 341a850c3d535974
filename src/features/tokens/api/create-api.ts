import { apiRequest } from '../../session/api/api-request'
import { createdTokenSchema, type Token } from './token-schema'

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
