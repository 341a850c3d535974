import type { Token } from '../api/token-schema'
import type { TokensSearch } from '../search'
import { filterTokens } from './filter-tokens'
import { sortTokens } from './sort-tokens'

/**
 * The rows a view shows, in its order: the tokens its filter and search match, plus the ones
 * revoked from this very view (`keptIds`). A row revoked under the pointer stays, muted and marked
 * Revoked, until the view changes, instead of vanishing from an "Active" list mid-click.
 */
export function visibleTokens(
  tokens: readonly Token[],
  view: TokensSearch,
  now: number,
  keptIds: ReadonlySet<string>,
): Token[] {
  const matching = filterTokens(tokens, view, now)
  if (keptIds.size > 0) {
    const shown = new Set(matching)
    for (const token of tokens) {
      if (keptIds.has(token.id) && !shown.has(token)) matching.push(token)
    }
  }
  return sortTokens(matching, view.sort, view.dir)
}
