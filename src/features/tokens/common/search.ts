import type { SearchSchemaInput } from '@tanstack/react-router'
import { holdsSecret } from '../../../lib/text/token-format'
import { RECENCY_BUCKETS } from './last-use-recency'

export const TOKEN_STATUS_FILTERS = [
  'active',
  'expiring',
  'stale',
  'expired',
  'revoked',
  'unknown',
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

export interface TokensSearch {
  status: TokenStatusFilter
  q: string
  used: LastUseFilter
  sort: TokenSortKey
  dir: SortDirection
  /** The token whose details are open, by id (an id is not a secret), so a link can open them. */
  details: string
}

/** `value` when it is one of `allowed`, else `fallback`. */
function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback
}

/**
 * Text up to `max` characters, where a secret never lives: a hand-made link carrying any part of
 * one drops it.
 */
function textWithoutSecret(value: unknown, max: number): string {
  return typeof value === 'string' && value.length <= max && !holdsSecret(value) ? value : ''
}

/**
 * The tokens page's URL search, read field by field: anything missing or not understood falls
 * back to its default, so a hand-edited link never breaks the page. Checked by hand, not with zod,
 * to keep the first render small (docs/performance.md).
 */
export function validateTokensSearch(
  // Typed as what a link may set (every field optional), but read as anything a URL can hold.
  search: Partial<TokensSearch> & SearchSchemaInput,
): TokensSearch {
  const input: Record<string, unknown> = search
  const defaults = tokensSearchDefaults
  return {
    status: oneOf(TOKEN_STATUS_FILTERS, input.status, defaults.status),
    q: textWithoutSecret(input.q, 200),
    used: oneOf(LAST_USE_FILTERS, input.used, defaults.used),
    sort: oneOf(TOKEN_SORT_KEYS, input.sort, defaults.sort),
    dir: oneOf(SORT_DIRECTIONS, input.dir, defaults.dir),
    details: textWithoutSecret(input.details, 100),
  }
}

/** The direction a column starts in when first chosen: A→Z for names, newest first for dates. */
export function initialDirection(key: TokenSortKey): SortDirection {
  return key === 'name' ? 'asc' : 'desc'
}
