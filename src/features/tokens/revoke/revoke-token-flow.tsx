import { useLayoutEffect, useRef, type RefObject } from 'react'
import { toast } from '../../../components/ui/toaster'
import { useSessionTokenId } from '../../session/api/me-queries'
import { useSession } from '../../session/api/use-session'
import { useRevokeToken } from '../api/revoke-token-mutation'
import type { Token } from '../api/token-schema'
import { describeRevokeError, type RevokeFailureCopy } from './describe-revoke-error'
import { RevokeTokenDialog, type RevokeTokenDialogProps } from './revoke-token-dialog'
import { useFocusReturn } from '../common/use-focus-return'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'

export interface RevokeTokenFlowProps extends Omit<RevokeTokenDialogProps, 'onCloseAutoFocus'> {
  /** What screen readers hear about the revoke's outcome (the page's live region). */
  onAnnounce: (text: string) => void
  /** A revoke that failed: the page keeps it on the token's row until dismissed or retried. */
  onFailed: (id: string, copy: RevokeFailureCopy) => void
  /** Set to this flow's revoke, which sends at once (a row's "Try again"). */
  revokeNowRef: RefObject<((token: Token) => void) | null>
}

/**
 * The half of a revoke the first render does not need, loaded with the dialog: the mutation, and
 * the UI reactions in its `mutate` callbacks (announcements, the failure kept on its row, toasts).
 * It stays mounted with the page while the dialog closes, so those callbacks run; the cache logic
 * lives in the mutation's own options.
 */
export function RevokeTokenFlow({
  onAnnounce,
  onConfirm,
  onFailed,
  revokeNowRef,
  ...dialog
}: RevokeTokenFlowProps) {
  const { signOut } = useSession()
  const sessionTokenId = useSessionTokenId()
  const revoke = useRevokeToken({
    sessionTokenId,
    onSessionTokenRevoked: () => signOut('token-revoked'),
  })

  function confirm(token: Token) {
    onConfirm(token)
    revoke.mutate(token.id, {
      onSuccess: (revoked) => {
        if (revoked.id === sessionTokenId) return // signed out: the sign-in page says why
        onAnnounce(`Revoked ${bidiIsolate(revoked.name)}. It no longer works.`)
        toast.success(`Revoked “${bidiIsolate(revoked.name)}”`, {
          description: 'Anything using it now gets 401 errors.',
        })
      },
      onError: (error) => {
        const copy = describeRevokeError(error, token.name)
        onAnnounce(`${copy.title}. ${copy.description}`)
        // Nothing failed when it was gone already: a passing note, and the refetched list.
        if (copy.alreadyGone) toast.warning(copy.title, { description: copy.description })
        else onFailed(token.id, copy)
      },
    })
  }

  useLayoutEffect(() => {
    revokeNowRef.current = confirm
  })

  // After a cancel, back to the Revoke pressed; after a confirm (that Revoke is gone once the row
  // shows revoked), near the token: its row's name, or the details drawer the Revoke was in.
  const restoreFocus = useFocusReturn(dialog.token !== null)
  const confirmed = useRef<string | null>(null)
  return (
    <RevokeTokenDialog
      {...dialog}
      onConfirm={(token) => {
        confirmed.current = token.id
        confirm(token)
      }}
      onCloseAutoFocus={(event) => {
        restoreFocus(event, { tokenId: confirmed.current, before: 'token' })
        confirmed.current = null
      }}
    />
  )
}
