import { apiRequest } from '../../session/api/api-request'
import { tokenListSchema, type Token } from './token-schema'

export async function listTokens({ signal }: { signal?: AbortSignal } = {}): Promise<Token[]> {
  const { tokens } = await apiRequest({ path: '/tokens', schema: tokenListSchema, signal })
  return tokens
}
