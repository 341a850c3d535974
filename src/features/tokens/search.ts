import { z } from 'zod'
import { looksLikeSecret } from './lib/secret-search'

export const TOKEN_STATUS_FILTERS = [
  'active',
  'expiring',
  'stale',
  'expired',
  'revoked',
  'all',
] as const
export type TokenStatusFilter = (typeof TOKEN_STATUS_FILTERS)[number]

export const TOKEN_SORT_KEYS = ['lastUsed', 'created', 'expires', 'name'] as const
export type TokenSortKey = (typeof TOKEN_SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

/** The default view: tokens that still work, most recently used first. Defaults stay out of the URL. */
export const tokensSearchDefaults = {
  status: 'active',
  q: '',
  sort: 'lastUsed',
  dir: 'desc',
} as const satisfies TokensSearch

export const tokensSearchSchema = z.object({
  status: z
    .enum(TOKEN_STATUS_FILTERS)
    .default(tokensSearchDefaults.status)
    .catch(tokensSearchDefaults.status),
  q: z
    .string()
    .max(200)
    // A secret must never live in a URL: a hand-made link carrying one is dropped, not searched.
    .transform((q) => (looksLikeSecret(q) ? '' : q))
    .default(tokensSearchDefaults.q)
    .catch(tokensSearchDefaults.q),
  sort: z.enum(TOKEN_SORT_KEYS).default(tokensSearchDefaults.sort).catch(tokensSearchDefaults.sort),
  dir: z.enum(['asc', 'desc']).default(tokensSearchDefaults.dir).catch(tokensSearchDefaults.dir),
})

export interface TokensSearch {
  status: TokenStatusFilter
  q: string
  sort: TokenSortKey
  dir: SortDirection
}

/** The direction a column starts in when first chosen: A→Z for names, newest first for dates. */
export function initialDirection(key: TokenSortKey): SortDirection {
  return key === 'name' ? 'asc' : 'desc'
}
