import type { QueryClient } from '@tanstack/react-query'
import { markRevoked } from './token-cache'
import type { Token } from './token-schema'

interface RevokeInFlight {
  id: Token['id']
  /** The optimistic `revokedAt`: every list fetched meanwhile carries the same guess. */
  at: string
}

const inFlight = new WeakMap<QueryClient, Set<RevokeInFlight>>()

/** Notes a revoke sent and not yet answered; the function returned ends it (on its answer). */
export function startRevokeInFlight(client: QueryClient, revoke: RevokeInFlight): () => void {
  const revokes = inFlight.get(client) ?? new Set()
  inFlight.set(client, revokes.add(revoke))
  return () => revokes.delete(revoke)
}

/** A fetched list with each unanswered revoke's row revoked, so a refetch never flashes it back. */
export function withRevokesInFlight(client: QueryClient, tokens: Token[]): Token[] {
  for (const { id, at } of inFlight.get(client) ?? [])
    tokens = markRevoked(tokens, id, at) ?? tokens
  return tokens
}
