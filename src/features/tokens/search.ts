import { z } from 'zod'
import { isPersonalToken } from '../../lib/token-format'

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
const SORT_DIRECTIONS = ['asc', 'desc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

/** The default view: tokens that still work, most recently used first. Defaults stay out of the URL. */
export const tokensSearchDefaults = {
  status: 'active',
  q: '',
  sort: 'lastUsed',
  dir: 'desc',
} as const

export const tokensSearchSchema = z.object({
  status: z
    .enum(TOKEN_STATUS_FILTERS)
    .default(tokensSearchDefaults.status)
    .catch(tokensSearchDefaults.status),
  q: z
    .string()
    .max(200)
    // A secret must never live in a URL: a hand-made link carrying one is dropped, not searched.
    .transform((q) => (isPersonalToken(q) ? '' : q))
    .default(tokensSearchDefaults.q)
    .catch(tokensSearchDefaults.q),
  sort: z.enum(TOKEN_SORT_KEYS).default(tokensSearchDefaults.sort).catch(tokensSearchDefaults.sort),
  dir: z.enum(SORT_DIRECTIONS).default(tokensSearchDefaults.dir).catch(tokensSearchDefaults.dir),
})

export type TokensSearch = z.output<typeof tokensSearchSchema>

/** The direction a column starts in when first chosen: A→Z for names, newest first for dates. */
export function initialDirection(key: TokenSortKey): SortDirection {
  return key === 'name' ? 'asc' : 'desc'
}
