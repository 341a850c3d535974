import { useEffect, useRef, type ReactNode } from 'react'
import { CopyButton } from '../../../components/copy-button'
import { Button } from '../../../components/ui/button'
import { Drawer } from '../../../components/ui/drawer'
import { useNowSelect } from '../../../lib/time/use-now'
import type { Token } from '../api/token-schema'
import type { RevokeFailureCopy } from '../revoke/describe-revoke-error'
import { describeScope } from '../common/scope-catalog'
import { whyStale } from '../common/why-stale'
import { daysSince, type TokenState } from '../common/token-state'
import { useTokenState } from '../common/use-token-state'
import { DetailTime } from './detail-time'
import { LAST_USE_LAG_NOTE } from '../common/last-used-cell'
import { RevokeFailureNote } from '../revoke/revoke-failure-note'
import { rowNameButton } from '../common/row-focus'
import { TokenStatusBadge } from '../common/token-status-badge'
import './token-details-drawer.css'

export interface TokenDetailsDrawerProps {
  /** The id the URL asks for; '' keeps the drawer closed. */
  requestedId: string
  /** That token from the list (with any revoke in flight applied), or undefined when it has none. */
  token: Token | undefined
  isSessionToken: boolean
  /** A revoke of it is in flight. */
  pending: boolean
  /** Its last revoke failed: shown at the top until dismissed or retried. */
  failure: RevokeFailureCopy | undefined
  onClose: () => void
  onRevoke: (token: Token) => void
  onRotate: (token: Token) => void
  onRetry: (token: Token) => void
  onDismissFailure: (id: string) => void
}

/**
 * Everything known about one token, in full: the whole name however long, its id and preview to
 * copy, every scope with what it grants, each date with its exact local and UTC time, and what can
 * still be done with it. Opened from the token's name in the table, and by a link (`?details=`).
 */
export function TokenDetailsDrawer(props: TokenDetailsDrawerProps) {
  const { requestedId, token, onClose } = props
  // The id shown last: once closed, `requestedId` is '' but focus goes back to its name.
  const shownId = useRef('')
  useEffect(() => {
    if (requestedId !== '') shownId.current = requestedId
  }, [requestedId])
  return (
    <Drawer
      open={requestedId !== ''}
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      eyebrow="Token details"
      title={token ? <bdi>{token.name}</bdi> : 'Token not found'}
      description={
        token ? <Badges {...props} token={token} /> : 'This link names no token of yours.'
      }
      actions={token && <Actions {...props} token={token} />}
      // A row scrolled out of the DOM has no name to focus: the browser's default then applies.
      onCloseAutoFocus={(event) => {
        const name = rowNameButton(shownId.current)
        if (!name) return
        event.preventDefault()
        name.focus()
      }}
    >
      {token ? (
        <Details {...props} token={token} />
      ) : (
        <p className="token-details__missing">
          No token with the ID <code>{requestedId}</code> is in your list. The link may be mistyped,
          or it may point to another account’s token.
        </p>
      )}
    </Drawer>
  )
}

type WithToken = TokenDetailsDrawerProps & { token: Token }

function Badges({ token, isSessionToken, pending }: WithToken) {
  const { state, stale } = useTokenState(token)
  return (
    <>
      <TokenStatusBadge state={state} />
      {isSessionToken && <span className="badge badge--session">This session</span>}
      {stale && <span className="marker marker--stale">Stale</span>}
      {pending && <span className="cell-note">Confirming the revoke…</span>}
    </>
  )
}

function Actions({ token, pending, failure, onRevoke, onRotate }: WithToken) {
  const { state } = useTokenState(token)
  // Revoked and expired tokens are history: revoking one would change nothing.
  if (state.kind === 'revoked' || state.kind === 'expired') return null
  return (
    <>
      {!pending && (
        <Button
          variant={state.kind === 'expiring' ? 'primary' : 'secondary'}
          aria-label={`Rotate ${token.name}`}
          aria-haspopup="dialog"
          onClick={() => onRotate(token)}
        >
          Rotate
        </Button>
      )}
      {!failure && <RevokeButton token={token} pending={pending} onRevoke={onRevoke} />}
    </>
  )
}

function RevokeButton({
  token,
  pending,
  onRevoke,
}: Pick<WithToken, 'token' | 'pending' | 'onRevoke'>) {
  return (
    <Button
      className="revoke-button"
      aria-label={`Revoke ${token.name}`}
      aria-disabled={pending || undefined}
      onClick={() => {
        if (!pending) onRevoke(token)
      }}
    >
      Revoke
    </Button>
  )
}

function Details(props: WithToken) {
  const { token, isSessionToken, failure, pending, onRetry, onDismissFailure } = props
  const { state, stale } = useTokenState(token)
  return (
    <div className="token-details">
      {failure && (
        <RevokeFailureNote
          token={token}
          failure={failure}
          canRetry={!pending && state.kind !== 'revoked' && state.kind !== 'expired'}
          onRetry={onRetry}
          onDismiss={onDismissFailure}
          tabIndex={0}
        />
      )}
      <StateNote token={token} state={state} stale={stale} />
      {isSessionToken && (
        <p className="details-note details-note--session">
          This console is signed in with this token, so its own requests keep “last used” at now.
        </p>
      )}

      <section aria-labelledby="token-details-identity">
        <h3 id="token-details-identity" className="token-details__heading">
          Identity
        </h3>
        <dl className="details-list">
          <Fact term="ID">
            <code className="details-code">{token.id}</code>
            <CopyButton value={token.id} label="Copy the token ID" />
          </Fact>
          <Fact term="Preview">
            <code className="details-code">{token.preview}</code>
            <CopyButton value={token.preview} label="Copy the preview" />
          </Fact>
          {token.organizationId !== null && (
            <Fact term="Organization">
              <code className="details-code">{token.organizationId}</code>
            </Fact>
          )}
        </dl>
      </section>

      <section aria-labelledby="token-details-dates">
        <h3 id="token-details-dates" className="token-details__heading">
          Dates
        </h3>
        <dl className="details-list">
          <Fact term="Created">
            <DetailTime value={token.createdAt} />
          </Fact>
          <Fact term="Last used">
            {token.lastUsedAt ? <DetailTime value={token.lastUsedAt} /> : 'Never used'}
            {isSessionToken && <span className="cell-note">by this console</span>}
            <span className="cell-note">{LAST_USE_LAG_NOTE}</span>
          </Fact>
          <Fact term={state.kind === 'expired' ? 'Expired' : 'Expires'}>
            {token.expiresAt ? <DetailTime value={token.expiresAt} /> : 'No expiry'}
          </Fact>
          {token.revokedAt !== null && (
            <Fact term="Revoked">
              <DetailTime value={token.revokedAt} />
            </Fact>
          )}
        </dl>
      </section>

      <section aria-labelledby="token-details-scopes">
        <h3 id="token-details-scopes" className="token-details__heading">
          Scopes ({token.scopes.length})
        </h3>
        {token.scopes.length === 0 ? (
          <p className="muted">No scopes: it can manage tokens and nothing else.</p>
        ) : (
          <ul className="details-scopes" aria-labelledby="token-details-scopes">
            {token.scopes.map((name) => {
              const scope = describeScope(name)
              return (
                <li key={name}>
                  <code className="chip">{name}</code>
                  <span>
                    {scope.grants ?? 'Not in the scope catalog this console knows.'}
                    {scope.alsoCovers && (
                      <span className="cell-note"> Also covers {scope.alsoCovers}.</span>
                    )}
                  </span>
                </li>
              )
            })}
          </ul>
        )}
      </section>
    </div>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details-list__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** One sentence on what the token's state means for the person, where it asks for attention. */
function StateNote({ token, state, stale }: { token: Token; state: TokenState; stale: boolean }) {
  const unusedDays = useNowSelect((now) => daysSince(token.lastUsedAt ?? token.createdAt, now))
  switch (state.kind) {
    case 'revoked':
      return (
        <p className="details-note">
          Revoked: anything still using it gets 401 errors. It stays listed as history.
        </p>
      )
    case 'expired':
      return (
        <p className="details-note">
          Expired: anything still using it gets 401 errors. It stays listed as history.
        </p>
      )
    case 'unknown':
      return (
        <p className="details-note details-note--warning">
          OpenTrain reports the status “<bdi>{state.status}</bdi>”, which this console does not
          know. It may still work.
        </p>
      )
    default:
      break
  }
  const notes: string[] = []
  if (state.kind === 'expiring') {
    notes.push(
      state.daysLeft === 0
        ? 'It expires in less than a day.'
        : `It expires in ${state.daysLeft} ${state.daysLeft === 1 ? 'day' : 'days'}.`,
      // Said by the button's name, not its place: the actions move with the layout.
      'Before then, use Rotate: a replacement with the same scopes, and an expiry you choose.',
    )
  }
  if (stale) notes.push(`Stale. ${whyStale(token, unusedDays)}.`, 'If nothing needs it, revoke it.')
  if (notes.length === 0) return null
  return <p className="details-note details-note--warning">{notes.join(' ')}</p>
}
