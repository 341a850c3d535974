import { mutationOptions, type QueryClient } from '@tanstack/react-query'
import { readSessionToken } from '../../../lib/session-store'
import { markRevoked, replaceToken } from '../lib/token-cache'
import { tokenQueries } from './token-queries'
import type { Token } from './token-schema'
import { revokeToken } from './tokens-api'

/** Every token mutation shares the `['tokens', …]` prefix, so the settle guard sees them all. */
export const revokeTokenKey = [...tokenQueries.all(), 'revoke'] as const

interface RevokeSetup {
  /** The id of the token this console is signed in with (from `/auth/me`). */
  sessionTokenId: string
  /** Runs when the session's own token was revoked: no further call may use it. */
  onSessionTokenRevoked: () => void
}

/**
 * The optimistic revoke (house style §6): cancel list fetches, mark the row revoked in the server's
 * shape, roll back only that row on failure, reconcile with the DELETE response, and refetch the
 * list once, after the last concurrent revoke settles. Kept apart from the hook so the property
 * test drives exactly this against a model server.
 */
export function revokeTokenMutationOptions(queryClient: QueryClient, setup: RevokeSetup) {
  const listKey = tokenQueries.list().queryKey
  return mutationOptions({
    mutationKey: revokeTokenKey,
    mutationFn: (id: Token['id']) => revokeToken(id),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: tokenQueries.lists() })
      const before = queryClient.getQueryData(listKey)?.find((token) => token.id === id)
      queryClient.setQueryData(listKey, (tokens) =>
        markRevoked(tokens, id, new Date().toISOString()),
      )
      return { before }
    },
    onError: (_error, _id, snapshot) => {
      const before = snapshot?.before
      if (before) queryClient.setQueryData(listKey, (tokens) => replaceToken(tokens, before))
    },
    onSuccess: async (serverToken) => {
      if (serverToken.id === setup.sessionTokenId) {
        setup.onSessionTokenRevoked()
        return
      }
      // A list fetched while the DELETE was in flight may predate it: it must not win.
      await queryClient.cancelQueries({ queryKey: tokenQueries.lists() })
      queryClient.setQueryData(listKey, (tokens) => replaceToken(tokens, serverToken))
    },
    onSettled: () => {
      // Signed out (own token revoked, or a 401): nothing may be sent with the old token.
      if (readSessionToken() === null) return
      // `=== 1`: the settling mutation still counts itself.
      if (queryClient.isMutating({ mutationKey: tokenQueries.all() }) === 1) {
        return queryClient.invalidateQueries({ queryKey: tokenQueries.lists() })
      }
    },
  })
}
