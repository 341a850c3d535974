import { useRef, useState } from 'react'
import { useSessionTokenId } from '../../session/api/me-queries'
import type { Token } from '../api/token-schema'

/**
 * Everything around one revoke that is not the table: which token the dialog asks about, where
 * focus goes when it closes and what screen readers hear. The revoke itself (the mutation, its
 * outcome's toasts and announcements) loads with the dialog: see `RevokeTokenFlow`, which the
 * page's `LazyRevokeTokenDialog` keeps mounted while the dialog closes.
 */
export function useRevokeFlow({ onRevokeStarted }: { onRevokeStarted: (id: string) => void }) {
  const sessionTokenId = useSessionTokenId()
  const [target, setTarget] = useState<Token | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const confirmedId = useRef<string | null>(null)
  const opener = useRef<HTMLElement | null>(null)

  function open(token: Token) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setTarget(token)
  }

  // The dialog has no Radix trigger, so focus goes back by hand: to the Revoke button after a
  // cancel, or to the row's name after a confirm (its button is gone by then).
  function restoreFocus(event: Event) {
    event.preventDefault()
    const id = confirmedId.current
    confirmedId.current = null
    const cell = id
      ? document.querySelector<HTMLElement>(
          `[data-token-id="${CSS.escape(id)}"] [role="rowheader"]`,
        )
      : null
    ;(cell ?? opener.current)?.focus()
    opener.current = null
  }

  /** The page's part of a confirm; `RevokeTokenFlow` then sends the revoke. */
  function confirm(token: Token) {
    confirmedId.current = token.id
    setTarget(null)
    onRevokeStarted(token.id)
    setAnnouncement(`Revoking ${token.name}…`)
  }

  return {
    open,
    announcement,
    dialog: {
      token: target,
      isCurrentSession: target !== null && target.id === sessionTokenId,
      onCancel: () => setTarget(null),
      onConfirm: confirm,
      onCloseAutoFocus: restoreFocus,
      onAnnounce: setAnnouncement,
    },
  }
}
