import { useLayoutEffect, useRef } from 'react'
import { dialogOf, focusNearToken } from './row-focus'

/**
 * Where focus goes when a dialog the page opened (with no Radix trigger, so Radix would leave it on
 * the body) closes: back to what opened it, or near the token (its row name, or the details drawer
 * it came from) when that control is gone or the action moved on.
 */
export function useFocusReturn(open: boolean) {
  const opener = useRef<HTMLElement | null>(null)
  const openerDialog = useRef<HTMLElement | null>(null)
  // Read as the dialog opens, before Radix moves focus into it (in a passive effect).
  useLayoutEffect(() => {
    if (!open) return
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    openerDialog.current = dialogOf(opener.current)
  }, [open])

  /** For `onCloseAutoFocus`: to the opener if it is still there, else near `tokenId`. */
  return (event: Event, near: { tokenId: string | null; before: 'opener' | 'token' }) => {
    event.preventDefault()
    const back = opener.current?.isConnected ? opener.current : null
    if (near.tokenId !== null && (near.before === 'token' || !back)) {
      focusNearToken(near.tokenId, openerDialog.current)
    } else {
      back?.focus()
    }
  }
}
