import { useMutationState } from '@tanstack/react-query'
import { useMemo } from 'react'
import { revokeTokenKey } from '../api/token-queries'

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
