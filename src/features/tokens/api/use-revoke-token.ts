import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { revokeTokenKey, revokeTokenMutationOptions } from './revoke-token-mutation'

export function useRevokeToken(setup: Parameters<typeof revokeTokenMutationOptions>[1]) {
  const queryClient = useQueryClient()
  return useMutation(revokeTokenMutationOptions(queryClient, setup))
}

/** Ids with a revoke in flight, from the mutation cache: no client flag enters the query cache. */
export function usePendingRevokes(): ReadonlySet<string> {
  const ids = useMutationState({
    filters: { mutationKey: revokeTokenKey, status: 'pending' },
    select: (mutation) => mutation.state.variables as string,
  })
  // A stable set while the ids are the same, so views can memoise on it.
  const key = JSON.stringify([...ids].sort())
  return useMemo(() => new Set(JSON.parse(key) as string[]), [key])
}
