import { z } from 'zod/mini'
import { isPersonalToken } from '../../lib/token-format'
import { RECENCY_BUCKETS } from './lib/last-use-recency'

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

/** The recency overview's filter: a last-use bucket, or any. */
const LAST_USE_FILTERS = [...RECENCY_BUCKETS, 'any'] as const
export type LastUseFilter = (typeof LAST_USE_FILTERS)[number]

/** The default view: tokens that still work, most recently used first. Defaults stay out of the URL. */
export const tokensSearchDefaults = {
  status: 'active',
  q: '',
  used: 'any',
  sort: 'lastUsed',
  dir: 'desc',
  details: '',
} as const

/** A search value that falls back to its default when it is missing or not understood. */
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.util.NoUndefined<z.output<T>>) =>
  z.catch(z._default(schema, value), value)

/** Text up to `max` characters, where a secret never lives: a hand-made link carrying one drops it. */
function withoutSecret(max: number) {
  return z.pipe(
    z.string().check(z.maxLength(max)),
    z.transform((text: string) => (isPersonalToken(text) ? '' : text)),
  )
}

export const tokensSearchSchema = z.object({
  status: withDefault(z.enum(TOKEN_STATUS_FILTERS), tokensSearchDefaults.status),
  q: withDefault(withoutSecret(200), tokensSearchDefaults.q),
  used: withDefault(z.enum(LAST_USE_FILTERS), tokensSearchDefaults.used),
  sort: withDefault(z.enum(TOKEN_SORT_KEYS), tokensSearchDefaults.sort),
  dir: withDefault(z.enum(SORT_DIRECTIONS), tokensSearchDefaults.dir),
  /** The token whose details are open, by id (an id is not a secret), so a link can open them. */
  details: withDefault(withoutSecret(100), tokensSearchDefaults.details),
})

export type TokensSearch = z.output<typeof tokensSearchSchema>

/** The direction a column starts in when first chosen: A→Z for names, newest first for dates. */
export function initialDirection(key: TokenSortKey): SortDirection {
  return key === 'name' ? 'asc' : 'desc'
}
