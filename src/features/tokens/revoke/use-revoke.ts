import { useQueryClient } from '@tanstack/react-query'
import { useRouteContext } from '@tanstack/react-router'
import { useState } from 'react'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import { useSessionTokenId } from '../../session/api/me-queries'
import type { Token } from '../api/token-schema'
import { dialogOf, focusNearToken } from '../common/row-focus'
import type { RevokeFailureCopy } from './describe-revoke-error'
import { usePendingRevokes } from './use-pending-revokes'

/** What a finished revoke says, loaded with the revoke's code. */
const loadOutcome = () => import('./revoke-outcome')

/** Revokes that failed, by token id, until dismissed or retried. */
export type RevokeFailures = ReadonlyMap<string, RevokeFailureCopy>

/**
 * Sends a revoke, for every flow that revokes (one, rotate, bulk), and signs out when it revoked
 * the token this console uses. The optimistic mutation's code loads with the first revoke.
 */
export function useRevokeToken(): (id: Token['id']) => Promise<Token> {
  const queryClient = useQueryClient()
  // The session's way out, as `useSession` reads it (without the rest it subscribes to).
  const signOut = useRouteContext({
    from: '__root__',
    select: (context) => context.session.signOut,
  })
  const sessionTokenId = useSessionTokenId()
  const setup = { sessionTokenId, onSessionTokenRevoked: () => signOut('token-revoked') }
  return (id) =>
    import('../api/revoke-token-mutation').then(({ sendRevoke }) =>
      sendRevoke(queryClient, setup, id),
    )
}

/**
 * A revoke from the page, start to end: it sends, says what happened (live region, toasts), keeps
 * a failure on its token until dismissed or retried, and lists the revokes in flight (from the
 * mutation cache). The dialog that asks first only renders what it is given.
 */
export function useRevoke({ onStarted }: { onStarted: (id: string) => void }) {
  const revokeToken = useRevokeToken()
  const sessionTokenId = useSessionTokenId()
  const [announcement, setAnnouncement] = useState('')
  const [failures, setFailures] = useState<RevokeFailures>(() => new Map())
  const pendingIds = usePendingRevokes()

  function forget(id: string) {
    setFailures((current) => {
      const next = new Map(current)
      return next.delete(id) ? next : current
    })
  }

  function send(token: Token) {
    forget(token.id)
    onStarted(token.id)
    setAnnouncement(`Revoking ${bidiIsolate(token.name)}…`)
    const report = {
      announce: setAnnouncement,
      keepFailure: (id: string, copy: RevokeFailureCopy) =>
        setFailures((current) => new Map(current).set(id, copy)),
    }
    revokeToken(token.id).then(
      async (revoked) => {
        if (revoked.id === sessionTokenId) return // signed out: the sign-in page says why
        ;(await loadOutcome()).reportRevoked(revoked, report)
      },
      async (error: unknown) => {
        ;(await loadOutcome()).reportRevokeFailure(error, token, report)
      },
    )
  }

  /** Focus stays with the token once the control that had it is gone. */
  const focusNear = (id: string) => focusNearToken(id, dialogOf(document.activeElement))

  return {
    pendingIds,
    announcement,
    failures,
    send,
    /** A row's "Try again": the person confirmed already, so the revoke is sent at once. */
    retry: (token: Token) => {
      send(token)
      focusNear(token.id)
    },
    dismissFailure: (id: string) => {
      forget(id)
      focusNear(id)
    },
  }
}
