import { withoutFormatCharacters } from '../../../../lib/text/format-characters'
import type { Token } from '../../api/token-schema'
import type { LastUseFilter, TokenStatusFilter } from '../../common/search'
import { recencyOf } from '../../common/last-use-recency'
import { deriveTokenState, isStale, isUsable } from '../../common/token-state'

/** Text as search compares it: compatibility forms folded, any case, no invisible characters. */
function normalise(text: string): string {
  return withoutFormatCharacters(text).normalize('NFKC').toLocaleLowerCase()
}

function matchesStatus(token: Token, filter: TokenStatusFilter, now: number): boolean {
  if (filter === 'all') return true
  const state = deriveTokenState(token, now)
  switch (filter) {
    case 'active':
      // A status this console does not know may still authenticate (D1): never hide it by default.
      return isUsable(state) || state.kind === 'unknown'
    case 'expiring':
      return state.kind === 'expiring'
    case 'stale':
      return isStale(token, now)
    case 'expired':
      return state.kind === 'expired'
    case 'revoked':
      return state.kind === 'revoked'
    case 'unknown':
      return state.kind === 'unknown'
  }
}

/**
 * What search looks through, normalised once per token record: a keystroke over 10,000 tokens
 * then costs 10,000 `includes`, not 10,000 normalisations. Records are immutable (a change is a
 * new object), so the cache never goes stale, and it lets go of records the list dropped.
 */
const searchTexts = new WeakMap<Token, string>()

function searchTextOf(token: Token): string {
  let text = searchTexts.get(token)
  if (text === undefined) {
    text = normalise([token.name, token.preview, ...token.scopes].join('\n'))
    searchTexts.set(token, text)
  }
  return text
}

/**
 * Prepares the search text of `tokens` ahead of a search. Run in idle time after a list arrives, so
 * the first keystroke does not pay for 10,000 normalisations.
 */
export function prepareSearchTexts(tokens: readonly Token[]): void {
  for (const token of tokens) searchTextOf(token)
}

/**
 * Every word of the query must appear in the name, the preview or a scope (any order, any case).
 * A word that starts like an id (`tok_`, D10) may also be the start of the token's id, as copied
 * from its details; other words never look at ids, which would match them by chance.
 */
function matchesQuery(token: Token, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const haystack = searchTextOf(token)
  return words.every(
    (word) =>
      haystack.includes(word) || (word.startsWith('tok_') && normalise(token.id).startsWith(word)),
  )
}

export function filterTokens(
  tokens: readonly Token[],
  { status, q, used = 'any' }: { status: TokenStatusFilter; q: string; used?: LastUseFilter },
  now: number,
): Token[] {
  const words = normalise(q).split(/\s+/).filter(Boolean)
  if (status === 'all' && words.length === 0 && used === 'any') return [...tokens]
  return tokens.filter(
    (token) =>
      matchesStatus(token, status, now) &&
      (used === 'any' || recencyOf(token, now) === used) &&
      matchesQuery(token, words),
  )
}
