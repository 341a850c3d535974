import type { Token } from '../api/token-schema'

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
  return tokens?.map((token) =>
    token.id === id ? { ...token, status: 'revoked', revokedAt: token.revokedAt ?? at } : token,
  )
}

/** Puts `next` in place of the token with its id; the list is unchanged when it is not there. */
export function replaceToken(tokens: Token[] | undefined, next: Token): Token[] | undefined {
  return tokens?.map((token) => (token.id === next.id ? next : token))
}
