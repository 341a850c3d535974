import { useRef, useState } from 'react'
import { useSessionTokenId } from '../../session/api/me-queries'
import type { Token } from '../api/token-schema'
import { dialogOf, focusNearToken } from './row-focus'

interface RotateFlowSetup {
  /** The replacement exists: the page keeps it in view. */
  onCreated: (token: Token) => void
  /** A plain rotation ends in the usual revoke dialog, opened once the rotate dialog is closed. */
  onRevokeOld: (token: Token) => void
}

/**
 * The page's side of Rotate: which token, whether it is the session's (fixed when the dialog
 * opens: the switch changes which token the session uses mid-flow), and where focus goes after.
 */
export function useRotateFlow({ onCreated, onRevokeOld }: RotateFlowSetup) {
  const sessionTokenId = useSessionTokenId()
  const [target, setTarget] = useState<{ token: Token; session: boolean } | null>(null)
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLElement | null>(null)
  const openerDialog = useRef<HTMLElement | null>(null)
  const revokeAfter = useRef<Token | null>(null)

  function start(token: Token) {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    openerDialog.current = dialogOf(opener.current)
    setTarget({ token, session: token.id === sessionTokenId })
    setOpen(true)
  }

  // Back to the Rotate pressed, or near the token when it is gone (the old token, revoked); then
  // the revoke dialog, if asked for, whose own focus return starts from there.
  function restoreFocus(event: Event) {
    event.preventDefault()
    if (opener.current?.isConnected) opener.current.focus()
    else if (target) focusNearToken(target.token.id, openerDialog.current)
    opener.current = null
    openerDialog.current = null
    const old = revokeAfter.current
    revokeAfter.current = null
    if (old) onRevokeOld(old)
  }

  return {
    open: start,
    flow: {
      open,
      token: target?.token ?? null,
      isCurrentSession: target?.session ?? false,
      onClose: () => setOpen(false),
      onCreated,
      onRevokeOld: (token: Token) => {
        revokeAfter.current = token
      },
      onCloseAutoFocus: restoreFocus,
    },
  }
}
