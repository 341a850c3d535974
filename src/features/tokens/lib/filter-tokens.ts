import type { Token } from '../api/token-schema'
import type { TokenStatusFilter } from '../search'
import { deriveTokenState, isStale, isUsable } from './token-state'

function normalise(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase()
}

function matchesStatus(token: Token, filter: TokenStatusFilter, now: number): boolean {
  const state = deriveTokenState(token, now)
  switch (filter) {
    case 'all':
      return true
    case 'active':
      return isUsable(state)
    case 'expiring':
      return state.kind === 'expiring'
    case 'stale':
      return isStale(token, now)
    case 'expired':
      return state.kind === 'expired'
    case 'revoked':
      return state.kind === 'revoked'
  }
}

/** Every word of the query must appear in the name, the preview or a scope (any order, any case). */
function matchesQuery(token: Token, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = normalise([token.name, token.preview, ...token.scopes].join('\n'))
  return words.every((word) => haystack.includes(word))
}

export function filterTokens(
  tokens: readonly Token[],
  { status, q }: { status: TokenStatusFilter; q: string },
  now: number,
): Token[] {
  return tokens.filter((token) => matchesStatus(token, status, now) && matchesQuery(token, q))
}
