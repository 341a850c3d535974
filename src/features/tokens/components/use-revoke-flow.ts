import { useRef, useState } from 'react'
import { toast } from '../../../components/ui/toaster'
import { useSessionTokenId } from '../../session/api/me-queries'
import { useSession } from '../../session/api/use-session'
import { useRevokeToken } from '../api/revoke-token-mutation'
import type { Token } from '../api/token-schema'
import { describeRevokeError } from '../lib/describe-revoke-error'

/**
 * Everything around one revoke that is not the table: which token the dialog asks about, where
 * focus goes when it closes, what screen readers hear, and the toasts. UI reactions live in the
 * `mutate` callbacks of this hook, used by the page (which stays mounted while the dialog closes);
 * the cache logic lives in the mutation's own options.
 */
export function useRevokeFlow({ onRevokeStarted }: { onRevokeStarted: (id: string) => void }) {
  const { signOut } = useSession()
  const sessionTokenId = useSessionTokenId()
  const revoke = useRevokeToken({
    sessionTokenId,
    onSessionTokenRevoked: () => signOut('token-revoked'),
  })
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

  function confirm(token: Token) {
    confirmedId.current = token.id
    setTarget(null)
    onRevokeStarted(token.id)
    setAnnouncement(`Revoking ${token.name}…`)
    revoke.mutate(token.id, {
      onSuccess: (revoked) => {
        if (revoked.id === sessionTokenId) return // signed out: the sign-in page says why
        setAnnouncement(`Revoked ${revoked.name}. It no longer works.`)
        toast.success(`Revoked “${revoked.name}”`, {
          description: 'Anything using it now gets 401 errors.',
        })
      },
      onError: (error) => {
        const copy = describeRevokeError(error, token.name)
        setAnnouncement(`${copy.title}. ${copy.description}`)
        if (copy.alreadyGone) toast.warning(copy.title, { description: copy.description })
        else toast.error(copy.title, { description: copy.description })
      },
    })
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
    },
  }
}
