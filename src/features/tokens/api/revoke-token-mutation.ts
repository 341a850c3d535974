import { MutationObserver, mutationOptions, type QueryClient } from '@tanstack/react-query'
import { isSignedIn } from '../../session/api/session-store'
import { startRevokeInFlight, withRevokesInFlight } from './revokes-in-flight'
import { markRevoked, replaceToken, restoreToken } from './token-cache'
import { revokeTokenKey, tokenQueries } from './token-queries'
import type { Token } from './token-schema'
import { revokeToken } from './revoke-api'

/** The `onMutate` results of revokes that have reached `onSettled`. */
const settling = new WeakSet<object>()

function isSettling(context: unknown): boolean {
  return typeof context === 'object' && context !== null && settling.has(context)
}

export interface RevokeSetup {
  /** The id of the token this console is signed in with (from `/auth/me`). */
  sessionTokenId: string | null
  /** Runs when the session's own token was revoked: no further call may use it. */
  onSessionTokenRevoked: () => void
}

/**
 * The optimistic revoke, TanStack Query's optimistic-update pattern made per row (house style §6),
 * reconciled with the DELETE response; the list is refetched once the last concurrent revoke
 * settles. The property test drives exactly these options against a model server.
 */
export function revokeTokenMutationOptions(queryClient: QueryClient, setup: RevokeSetup) {
  const listKey = tokenQueries.list().queryKey
  return mutationOptions({
    mutationKey: revokeTokenKey,
    mutationFn: (id: Token['id']) => revokeToken(id),
    onMutate: async (id) => {
      const at = new Date().toISOString()
      // First: a list fetch that starts while the one in flight is being cancelled carries it too.
      const answered = startRevokeInFlight(queryClient, { id, at })
      await queryClient.cancelQueries({ queryKey: tokenQueries.lists() })
      const before = queryClient.getQueryData(listKey)?.find((token) => token.id === id)
      const optimistic = queryClient
        .setQueryData(listKey, (tokens) => markRevoked(tokens, id, at))
        ?.find((token) => token.id === id)
      return { before, optimistic, answered }
    },
    onError: (_error, _id, snapshot) => {
      snapshot?.answered()
      const before = snapshot?.before
      const optimistic = snapshot?.optimistic
      // Only while the row still holds this guess: a list fetched meanwhile may show the token
      // revoked elsewhere, and the old snapshot must not bring it back as active.
      if (before && optimistic) {
        // Another revoke of the same token may still be in flight: it keeps the row revoked.
        queryClient.setQueryData(listKey, (tokens) => {
          const restored = restoreToken(tokens, before, optimistic)
          return restored && withRevokesInFlight(queryClient, restored)
        })
      }
    },
    onSuccess: async (serverToken, _id, snapshot) => {
      snapshot.answered()
      if (serverToken.id === setup.sessionTokenId) {
        setup.onSessionTokenRevoked()
        return
      }
      // A list fetched while the DELETE was in flight may predate it: it must not win.
      await queryClient.cancelQueries({ queryKey: tokenQueries.lists() })
      queryClient.setQueryData(listKey, (tokens) => replaceToken(tokens, serverToken))
    },
    onSettled: (_data, _error, _id, snapshot) => {
      if (snapshot) settling.add(snapshot)
      // Signed out (own token revoked, or a 401): nothing may be sent with the old token.
      if (!isSignedIn()) return
      // A settling mutation still reads as pending, and two may settle in the same tick: counting
      // `=== 1` would leave each waiting for the other, and the list would never be refetched.
      const running = queryClient.isMutating({
        mutationKey: tokenQueries.all(),
        predicate: (mutation) => !isSettling(mutation.state.context),
      })
      if (running === 0) {
        return queryClient.invalidateQueries({ queryKey: tokenQueries.lists() })
      }
    },
  })
}

/** One revoke with these options, sent from an event handler rather than a hook (`useRevokeToken`). */
export function sendRevoke(queryClient: QueryClient, setup: RevokeSetup, id: Token['id']) {
  const observer = new MutationObserver(queryClient, revokeTokenMutationOptions(queryClient, setup))
  return observer.mutate(id).finally(() => observer.reset())
}
