import type { Token } from '../api/token-schema'
import type { SortDirection, TokenSortKey } from '../search'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function dateOf(token: Token, key: Exclude<TokenSortKey, 'name'>): number | null {
  const value =
    key === 'created' ? token.createdAt : key === 'lastUsed' ? token.lastUsedAt : token.expiresAt
  if (value === null) return null
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : parsed
}

/** Newest first, then id: a stable order for ties whatever the API's own order (D2). */
function tieBreak(a: Token, b: Token): number {
  return (dateOf(b, 'created') ?? 0) - (dateOf(a, 'created') ?? 0) || collator.compare(a.id, b.id)
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
  return [...tokens].sort((a, b) => {
    if (key === 'name') return sign * collator.compare(a.name, b.name) || tieBreak(a, b)
    const left = dateOf(a, key)
    const right = dateOf(b, key)
    if (left === null && right === null) return tieBreak(a, b)
    if (left === null) return 1
    if (right === null) return -1
    return sign * (left - right) || tieBreak(a, b)
  })
}
