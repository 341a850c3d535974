import { apiRequest } from '../../session/api/api-request'
import type { Token } from './token-schema'

/** The list's schema (and zod) load while the request is on its way: not in the first download. */
const loadListSchema = () => import('./token-schema').then((module) => module.tokenListSchema)

export async function listTokens({ signal }: { signal?: AbortSignal } = {}): Promise<Token[]> {
  const { tokens } = await apiRequest({ path: '/tokens', schema: loadListSchema, signal })
  return tokens
}
