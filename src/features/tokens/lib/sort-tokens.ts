import type { Token } from '../api/token-schema'
import type { SortDirection, TokenSortKey } from '../search'
import { parseTimestamp } from '../../../lib/parse-timestamp'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function dateOf(token: Token, key: Exclude<TokenSortKey, 'name'>): string | null {
  return key === 'created'
    ? token.createdAt
    : key === 'lastUsed'
      ? token.lastUsedAt
      : token.expiresAt
}

/** A token with its sort inputs parsed once, not on every comparison. */
interface Keyed {
  token: Token
  date: number | null
  created: number
}

/** Newest first, then id: a stable order for ties whatever the API's own order (D2). */
function tieBreak(a: Keyed, b: Keyed): number {
  return b.created - a.created || collator.compare(a.token.id, b.token.id)
}

/**
 * Sorts a copy. Tokens without the date (never used, never expiring) always go last, in either
 * direction: they are answers to a different question than "which is oldest".
 */
export function sortTokens(
  tokens: readonly Token[],
  key: TokenSortKey,
  dir: SortDirection,
): Token[] {
  const sign = dir === 'asc' ? 1 : -1
  const keyed: Keyed[] = tokens.map((token) => ({
    token,
    date: key === 'name' ? null : parseTimestamp(dateOf(token, key)),
    created: parseTimestamp(token.createdAt) ?? 0,
  }))
  keyed.sort((a, b) => {
    if (key === 'name') return sign * collator.compare(a.token.name, b.token.name) || tieBreak(a, b)
    if (a.date === null && b.date === null) return tieBreak(a, b)
    if (a.date === null) return 1
    if (b.date === null) return -1
    return sign * (a.date - b.date) || tieBreak(a, b)
  })
  return keyed.map((entry) => entry.token)
}
