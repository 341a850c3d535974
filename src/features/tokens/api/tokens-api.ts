import { apiRequest } from '../../session/api/api-request'
import { tokenListSchema, revokedTokenSchema, type Token } from './token-schema'

export async function listTokens({ signal }: { signal?: AbortSignal } = {}): Promise<Token[]> {
  const { tokens } = await apiRequest({ path: '/tokens', schema: tokenListSchema, signal })
  return tokens
}

export async function revokeToken(id: Token['id']): Promise<Token> {
  const { token } = await apiRequest({
    method: 'DELETE',
    path: `/tokens/${encodeURIComponent(id)}`, // ids are opaque strings (D10)
    schema: revokedTokenSchema,
  })
  return token
}
