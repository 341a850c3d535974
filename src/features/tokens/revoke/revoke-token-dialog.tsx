import { TriangleAlert } from '../../../components/warning-icon'
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import { Timestamp } from '../../../components/timestamp'
import { AlertDialog, AlertDialogCancel } from '../../../components/ui/alert-dialog'
import { Button } from '../../../components/ui/button'
import { useNow } from '../../../lib/time/use-now'
import type { Token } from '../api/token-schema'
import { useFocusReturn } from '../common/use-focus-return'
import {
  assessRevokeRisk,
  confirmationPhrase,
  typedPhraseMatches,
  type RevokeRiskReason,
} from './revoke-risk'
import './revoke-token-dialog.css'

export interface RevokeTokenDialogProps {
  /** The token to revoke; `null` keeps the dialog closed. */
  token: Token | null
  isSessionToken: boolean
  onCancel: () => void
  onConfirm: (token: Token) => void
}

const REASON_TEXT: Record<Exclude<RevokeRiskReason, 'current-session'>, string> = {
  'used-recently': 'it was used in the last 24 hours',
  'write-scopes': 'it can change data (write or webhook scopes)',
}

/** Asks before a revoke: a controlled view, which the page's `useRevoke` sends for. */
export function RevokeTokenDialog({ token, onConfirm, ...rest }: RevokeTokenDialogProps) {
  // When the name must be typed, focus starts in its field: typing at once must not press Cancel.
  const phraseField = useRef<HTMLInputElement>(null)
  // After a cancel, back to the Revoke pressed; after a confirm (that Revoke is gone once the row
  // shows revoked), near the token: its row's name, or the details drawer the Revoke was in.
  const restoreFocus = useFocusReturn(token !== null)
  const confirmed = useRef<string | null>(null)
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
      onCloseAutoFocus={(event) => {
        restoreFocus(event, { tokenId: confirmed.current, before: 'token' })
        confirmed.current = null
      }}
      initialFocus={phraseField}
    >
      {token && (
        <RevokeForm
          key={token.id}
          token={token}
          phraseField={phraseField}
          onConfirm={(confirmedToken) => {
            confirmed.current = confirmedToken.id
            onConfirm(confirmedToken)
          }}
          {...rest}
        />
      )}
    </AlertDialog>
  )
}

function RevokeForm({
  token,
  isSessionToken,
  onConfirm,
  phraseField,
}: Omit<RevokeTokenDialogProps, 'token'> & {
  token: Token
  phraseField: RefObject<HTMLInputElement | null>
}) {
  const now = useNow()
  const risk = assessRevokeRisk(token, { isSessionToken, now })
  const phrase = confirmationPhrase(token)
  const [typed, setTyped] = useState('')
  const ids = { field: useId(), hint: useId() }
  // Enter in the field submits the form, which the disabled button holds back until it matches.
  const confirmed = !risk.typeToConfirm || typedPhraseMatches(typed, phrase)
  const otherReasons = risk.reasons.filter((reason) => reason !== 'current-session')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (confirmed) onConfirm(token)
  }

  return (
    <form onSubmit={submit} className="revoke-form">
      {isSessionToken && (
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
              <bdi>{phrase.text}</bdi>
            </strong>{' '}
            {phrase.kind === 'preview-end' && '(the last 4 characters of its preview) '}
            to confirm
          </label>
          {(phrase.kind === 'preview-end' || otherReasons.length > 0) && (
            <p id={ids.hint} className="hint">
              {phrase.kind === 'preview-end' &&
                'Its name is long, so the preview’s end stands in for it. '}
              {otherReasons.length > 0 &&
                `Asked because ${otherReasons.map((reason) => REASON_TEXT[reason]).join(' and ')}.`}
            </p>
          )}
          <input
            ref={phraseField}
            id={ids.field}
            className="input"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={
              phrase.kind === 'preview-end' || otherReasons.length > 0 ? ids.hint : undefined
            }
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
