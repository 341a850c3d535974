import { TriangleAlert } from '../../../components/icons'
import { useId, useState, type FormEvent } from 'react'
import { Timestamp } from '../../../components/timestamp'
import { AlertDialog, AlertDialogCancel } from '../../../components/ui/alert-dialog'
import { Button } from '../../../components/ui/button'
import { useNow } from '../../../lib/use-now'
import type { Token } from '../api/token-schema'
import { assessRevokeRisk, typedNameMatches, type RevokeRiskReason } from '../lib/revoke-risk'
import './revoke-token-dialog.css'

export interface RevokeTokenDialogProps {
  /** The token to revoke; `null` keeps the dialog closed. */
  token: Token | null
  isCurrentSession: boolean
  onCancel: () => void
  onConfirm: (token: Token) => void
  onCloseAutoFocus?: (event: Event) => void
}

const REASON_TEXT: Record<Exclude<RevokeRiskReason, 'current-session'>, string> = {
  'used-recently': 'it was used in the last 24 hours',
  'write-scopes': 'it can change data (write or webhook scopes)',
}

export function RevokeTokenDialog({ token, ...rest }: RevokeTokenDialogProps) {
  // A fresh form per token: the typed name never carries over to another row.
  return (
    <AlertDialog
      open={token !== null}
      onOpenChange={(open) => {
        if (!open) rest.onCancel()
      }}
      title={
        token ? (
          <>
            Revoke “<bdi>{token.name}</bdi>”?
          </>
        ) : null
      }
      description="Anything using this token stops working immediately. This cannot be undone: to restore access you need a new token."
      onCloseAutoFocus={rest.onCloseAutoFocus}
    >
      {token && <RevokeForm key={token.id} token={token} {...rest} />}
    </AlertDialog>
  )
}

function RevokeForm({
  token,
  isCurrentSession,
  onConfirm,
}: Omit<RevokeTokenDialogProps, 'token'> & { token: Token }) {
  const now = useNow()
  const risk = assessRevokeRisk(token, { isCurrentSession, now })
  const [typed, setTyped] = useState('')
  const ids = { field: useId(), hint: useId() }
  const confirmed = !risk.typeToConfirm || typedNameMatches(typed, token.name)
  const otherReasons = risk.reasons.filter((reason) => reason !== 'current-session')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (confirmed) onConfirm(token)
  }

  return (
    <form onSubmit={submit} className="revoke-form">
      {isCurrentSession && (
        <div className="callout callout--danger" role="note">
          <TriangleAlert aria-hidden="true" size={18} />
          <div>
            <p className="callout__title">This is the token you are signed in with.</p>
            <p>
              Revoking it signs you out of this console at once, and every later call with it fails.
              If you are rotating, create the replacement and switch to it first.
            </p>
          </div>
        </div>
      )}
      <dl className="facts">
        <dt>Preview</dt>
        <dd>
          <code>{token.preview}</code>
        </dd>
        <dt>Scopes</dt>
        <dd>{token.scopes.length > 0 ? token.scopes.join(', ') : 'None'}</dd>
        <dt>Created</dt>
        <dd>
          <Timestamp value={token.createdAt} label="Created" />
        </dd>
        <dt>Last used</dt>
        <dd>
          {token.lastUsedAt ? (
            <Timestamp value={token.lastUsedAt} label="Last used" />
          ) : (
            'Never used'
          )}
        </dd>
      </dl>
      {risk.typeToConfirm && (
        <div className="type-to-confirm">
          <label htmlFor={ids.field}>
            Type{' '}
            <strong className="type-to-confirm__name">
              <bdi>{token.name}</bdi>
            </strong>{' '}
            to confirm
          </label>
          {otherReasons.length > 0 && (
            <p id={ids.hint} className="hint">
              Asked because {otherReasons.map((reason) => REASON_TEXT[reason]).join(' and ')}.
            </p>
          )}
          <input
            id={ids.field}
            className="input"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={otherReasons.length > 0 ? ids.hint : undefined}
          />
        </div>
      )}
      <div className="dialog__actions">
        <AlertDialogCancel>Cancel</AlertDialogCancel>
        <Button type="submit" variant="danger" disabled={!confirmed}>
          Revoke token
        </Button>
      </div>
    </form>
  )
}
