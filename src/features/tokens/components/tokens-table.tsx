import { useRouteContext } from '@tanstack/react-router'
import { useRef, useState } from 'react'
import { toast } from 'sonner'
import type { Token } from '../api/token-schema'
import { useRevokeToken } from '../api/use-revoke-token'
import { describeRevokeError } from '../lib/describe-revoke-error'
import type { SortDirection, TokenSortKey } from '../search'
import { RevokeTokenDialog } from './revoke-token-dialog'
import { SortableHeader } from './sortable-header'
import { TokenRow } from './token-row'

interface TokensTableProps {
  tokens: readonly Token[]
  currentTokenId: string
  /** Ids with a revoke in flight (from the mutation cache). */
  pendingIds: ReadonlySet<string>
  sort: { sort: TokenSortKey; dir: SortDirection }
  onSort: (key: TokenSortKey) => void
  /** Called as a revoke starts, so the page can keep the row in view while it settles. */
  onRevokeStarted: (id: string) => void
  now: number
  caption: string
}

export function TokensTable({
  tokens,
  currentTokenId,
  pendingIds,
  sort,
  onSort,
  onRevokeStarted,
  now,
  caption,
}: TokensTableProps) {
  const signOut = useRouteContext({ from: '__root__', select: (context) => context.signOut })
  const revoke = useRevokeToken({
    sessionTokenId: currentTokenId,
    onSessionTokenRevoked: () => signOut('token-revoked'),
  })
  const [target, setTarget] = useState<Token | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const confirmedId = useRef<string | null>(null)
  const opener = useRef<HTMLElement | null>(null)

  function openDialog(token: Token) {
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
      ? document.querySelector<HTMLElement>(`th[data-token-id="${CSS.escape(id)}"]`)
      : null
    ;(cell ?? opener.current)?.focus()
    opener.current = null
  }

  function confirm(token: Token) {
    confirmedId.current = token.id
    setTarget(null)
    onRevokeStarted(token.id)
    setAnnouncement(`Revoking ${token.name}…`)
    // UI reactions live here, at a parent that stays mounted; the cache logic lives in the hook.
    revoke.mutate(token.id, {
      onSuccess: (revoked) => {
        if (revoked.id === currentTokenId) return // signed out: the sign-in page says why
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

  return (
    <>
      <div className="table-scroll">
        <table className="tokens-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <SortableHeader sortKey="name" current={sort} onSort={onSort}>
                Name
              </SortableHeader>
              <th scope="col">Preview</th>
              <th scope="col">Scopes</th>
              <th scope="col">Status</th>
              <SortableHeader sortKey="created" current={sort} onSort={onSort}>
                Created
              </SortableHeader>
              <SortableHeader sortKey="lastUsed" current={sort} onSort={onSort}>
                Last used
              </SortableHeader>
              <SortableHeader sortKey="expires" current={sort} onSort={onSort}>
                Expires
              </SortableHeader>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                isCurrentSession={token.id === currentTokenId}
                pending={pendingIds.has(token.id)}
                now={now}
                onRevoke={openDialog}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <RevokeTokenDialog
        token={target}
        isCurrentSession={target?.id === currentTokenId}
        now={now}
        onCancel={() => setTarget(null)}
        onConfirm={confirm}
        onCloseAutoFocus={restoreFocus}
      />
    </>
  )
}
