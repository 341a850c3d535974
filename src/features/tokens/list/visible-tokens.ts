import type { Token } from '../api/token-schema'
import type { TokensSearch } from '../common/search'
import { filterTokens } from './overview/filter-tokens'

/**
 * The rows a view shows: the tokens its filter and search match, plus the ones revoked from this
 * very view (`keptIds`), and first the ones created from it (`pinnedIds`). A row revoked under the
 * pointer stays, muted and marked Revoked, until the view changes, instead of vanishing from an
 * "Active" list mid-click; a token just created is at the top, wherever its sort would put it.
 *
 * `sorted` is already in the view's order (`sortTokens`, memoised by the page on the list and the
 * sort alone): filtering keeps that order, so a keystroke in search never sorts again.
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
