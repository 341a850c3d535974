import type { Token } from '../../api/token-schema'
import type { SortDirection, TokenSortKey } from '../../common/search'
import { parseTimestamp } from '../../../../lib/time/parse-timestamp'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function dateOf(token: Token, key: Exclude<TokenSortKey, 'name'>): string | null {
  return key === 'created'
    ? token.createdAt
    : key === 'lastUsed'
      ? token.lastUsedAt
      : token.expiresAt
}

/**
 * Each name's place in collation order (names the collator calls equal share one) for the last list
 * sorted or prepared: two numbers compare far faster than two names (docs/performance.md). A revoke
 * changes no name, so the ranks hold across optimistic updates until a list brings a new name.
 */
let nameRanks = new Map<string, number>()

/**
 * Ranks the list's names unless every one is ranked already. The page calls it in idle time once a
 * list is on screen (use-idle-list-preparation.ts), so a click on the Name header only compares
 * numbers; `sortTokens` calls it too, so the order never depends on that having happened.
 */
export function prepareNameOrder(tokens: readonly Token[]): void {
  if (tokens.every((token) => nameRanks.has(token.name))) return
  const names = [...new Set(tokens.map((token) => token.name))].sort(collator.compare)
  const ranks = new Map<string, number>()
  let rank = 0
  names.forEach((name, index) => {
    const previous = names[index - 1]
    if (previous !== undefined && collator.compare(previous, name) !== 0) rank = index
    ranks.set(name, rank)
  })
  nameRanks = ranks
}

/** A token with its sort inputs worked out once, not on every comparison. */
interface Keyed {
  token: Token
  /** The name's rank, or the date's epoch ms (null: no such date). */
  value: number | null
  created: number
}

/** Newest first, then id: a stable order for ties whatever the API's own order (D2). */
function tieBreak(a: Keyed, b: Keyed): number {
  return b.created - a.created || collator.compare(a.token.id, b.token.id)
}

/**
 * Where a token without the date belongs: never used is the oldest use (first when sorting by last
 * use, oldest first: the stalest tokens lead), and never expiring is the latest expiry. A date that
 * is there but cannot be read has no place, and goes last either way.
 */
const MISSING: Record<Exclude<TokenSortKey, 'name'>, number | null> = {
  lastUsed: -Infinity,
  expires: Infinity,
  created: null,
}

function sortValue(token: Token, key: TokenSortKey): number | null {
  if (key === 'name') return nameRanks.get(token.name) ?? 0
  const date = dateOf(token, key)
  return date === null ? MISSING[key] : parseTimestamp(date)
}

/** Sorts a copy. */
export function sortTokens(
  tokens: readonly Token[],
  key: TokenSortKey,
  dir: SortDirection,
): Token[] {
  const sign = dir === 'asc' ? 1 : -1
  if (key === 'name') prepareNameOrder(tokens)
  const keyed: Keyed[] = tokens.map((token) => ({
    token,
    value: sortValue(token, key),
    created: parseTimestamp(token.createdAt) ?? 0,
  }))
  keyed.sort((a, b) => {
    if (a.value === null && b.value === null) return tieBreak(a, b)
    if (a.value === null) return 1
    if (b.value === null) return -1
    // Two infinities subtract to NaN, which falls through to the tie-break like 0 does.
    return sign * (a.value - b.value) || tieBreak(a, b)
  })
  return keyed.map((entry) => entry.token)
}
