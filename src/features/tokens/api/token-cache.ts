import type { Token } from './token-schema'

/** A token revoked at `at`, in the server's shape; an earlier `revokedAt` stays (D3). */
function asRevoked(token: Token, at: string): Token {
  return { ...token, status: 'revoked', revokedAt: token.revokedAt ?? at }
}

/**
 * Pure updaters for the cached token list. The optimistic value has the server's own shape
 * (`status: 'revoked'`, `revokedAt`), so no client-only flag ever enters the cache. Both are
 * `undefined`-safe: the list may not be cached yet.
 */
export function markRevoked(
  tokens: Token[] | undefined,
  id: Token['id'],
  at: string,
): Token[] | undefined {
  return tokens?.map((token) => (token.id === id ? asRevoked(token, at) : token))
}

/** Puts `next` in place of the token with its id; the list is unchanged when it is not there. */
export function replaceToken(tokens: Token[] | undefined, next: Token): Token[] | undefined {
  return tokens?.map((token) => (token.id === next.id ? next : token))
}

/**
 * Undoes an optimistic change: `before` goes back only while the row is still the very record the
 * optimistic write stored. Anything written since (a refetch, another revoke's answer) is newer
 * server truth and stays, so a failed revoke never shows a token the server has revoked as active.
 */
export function restoreToken(
  tokens: Token[] | undefined,
  before: Token,
  optimistic: Token,
): Token[] | undefined {
  return tokens?.map((token) => (token === optimistic && token.id === before.id ? before : token))
}

/** A token the server just created, first (as the API lists the newest); no duplicate of its id. */
export function addToken(tokens: Token[] | undefined, created: Token): Token[] | undefined {
  return tokens && [created, ...tokens.filter((token) => token.id !== created.id)]
}
