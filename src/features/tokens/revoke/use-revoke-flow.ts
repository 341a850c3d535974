import { useRef, useState } from 'react'
import { useSessionTokenId } from '../../session/api/me-queries'
import type { Token } from '../api/token-schema'
import type { RevokeFailureCopy } from './describe-revoke-error'
import { dialogOf, focusNearToken } from '../common/row-focus'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'

/** Revokes that failed, by token id, until dismissed or retried. */
export type RevokeFailures = ReadonlyMap<string, RevokeFailureCopy>

/**
 * Everything around one revoke that is not the table: which token the dialog asks about, what
 * screen readers hear, and the failures that stay on their rows. The revoke itself (the mutation,
 * its outcome's toasts and announcements, where focus goes after) loads with the dialog:
 * see `RevokeTokenFlow`, which the page's `LazyRevokeTokenDialog` keeps mounted while the dialog
 * closes, and which hands back its revoke for "Try again" (`revokeNowRef`).
 */
export function useRevokeFlow({ onRevokeStarted }: { onRevokeStarted: (id: string) => void }) {
  const sessionTokenId = useSessionTokenId()
  const [target, setTarget] = useState<Token | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [failures, setFailures] = useState<RevokeFailures>(() => new Map())
  const revokeNowRef = useRef<((token: Token) => void) | null>(null)

  function dismissFailure(id: string) {
    setFailures((current) => {
      if (!current.has(id)) return current
      const next = new Map(current)
      next.delete(id)
      return next
    })
  }

  /** The page's part of a confirm (or a retry); `RevokeTokenFlow` then sends the revoke. */
  function confirm(token: Token) {
    setTarget(null)
    dismissFailure(token.id)
    onRevokeStarted(token.id)
    setAnnouncement(`Revoking ${bidiIsolate(token.name)}…`)
  }

  /** "Try again" on a row: the person confirmed already, so the revoke is sent at once. */
  function retry(token: Token) {
    revokeNowRef.current?.(token)
    // Its note is gone with the retry: focus stays with the token.
    focusNearToken(token.id, dialogOf(document.activeElement))
  }

  return {
    open: setTarget,
    announcement,
    failures,
    retry,
    dismissFailure: (id: string) => {
      dismissFailure(id)
      focusNearToken(id, dialogOf(document.activeElement))
    },
    dialog: {
      token: target,
      isSessionToken: target !== null && target.id === sessionTokenId,
      onCancel: () => setTarget(null),
      onConfirm: confirm,
      onAnnounce: setAnnouncement,
      onFailed: (id: string, copy: RevokeFailureCopy) =>
        setFailures((current) => new Map(current).set(id, copy)),
      revokeNowRef,
    },
  }
}
