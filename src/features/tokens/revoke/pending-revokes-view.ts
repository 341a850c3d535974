import { useMutationState } from '@tanstack/react-query'
import { useMemo } from 'react'
import { revokeTokenKey } from '../api/token-queries'
import type { Token } from '../api/token-schema'
import { asRevoked } from '../api/token-cache'

/**
 * View logic, not cache logic: the list as the page shows it while revokes are in flight. A
 * refetch that lands before a DELETE is answered still carries the row as active, and it must not
 * flash back. The query cache keeps exactly what the server said.
 */
export function withPendingRevokes(
  tokens: Token[],
  pendingIds: ReadonlySet<string>,
  at: string,
): Token[] {
  if (pendingIds.size === 0) return tokens
  return tokens.map((token) =>
    pendingIds.has(token.id) && token.status !== 'revoked' ? asRevoked(token, at) : token,
  )
}

/** Ids with a revoke in flight, from the mutation cache: no client flag enters the query cache. */
export function usePendingRevokes(): ReadonlySet<string> {
  // useMutationState shares structure: the array keeps its identity while the ids are the same,
  // so the set (and every view memoised on it) is stable too.
  const ids = useMutationState({
    filters: { mutationKey: revokeTokenKey, status: 'pending' },
    select: (mutation) => mutation.state.variables as string,
  })
  return useMemo(() => new Set(ids), [ids])
}
