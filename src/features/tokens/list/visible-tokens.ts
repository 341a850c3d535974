import type { Token } from '../api/token-schema'
import type { TokensSearch } from '../common/search'
import { filterTokens } from './overview/filter-tokens'

/**
 * The rows a view shows, in the order of `sorted` (so a keystroke never sorts again): the tokens
 * its filter and search match, plus those revoked from this view (`keptIds`, so no row vanishes
 * mid-click), with those created from it (`pinnedIds`) first.
 */
export function visibleTokens(
  sorted: readonly Token[],
  view: Pick<TokensSearch, 'status' | 'q' | 'used'>,
  now: number,
  keptIds: ReadonlySet<string>,
  pinnedIds: ReadonlySet<string> = new Set(),
): Token[] {
  const matching = filterTokens(sorted, view, now)
  if (keptIds.size === 0 && pinnedIds.size === 0) return matching
  const matched = new Set(matching)
  const pinned = sorted.filter((token) => pinnedIds.has(token.id))
  const rest = sorted.filter(
    (token) => !pinnedIds.has(token.id) && (matched.has(token) || keptIds.has(token.id)),
  )
  return [...pinned, ...rest]
}
