import { useId, useState, type KeyboardEvent } from 'react'
import { Timestamp } from '../../../components/timestamp'
import { holdsSecret, withoutSecretParts, withPreviews } from '../../../lib/text/token-format'
import { LAST_USE_LAG_NOTE } from '../common/last-used-cell'
import { scopeChangesData } from '../revoke/revoke-risk'
import { flagText, suggestionReason } from './review-flags'
import { DECISION_LABELS, type Decision, type ReviewItem } from './review-items'
import './review-token-item.css'

/** One key per decision, pressed on a token's choices: it decides and moves to the next token. */
const DECISION_KEYS: Readonly<Record<string, Decision>> = {
  k: 'keep',
  r: 'rotate',
  x: 'revoke',
}

interface ReviewTokenItemProps {
  item: ReviewItem
  decision: Decision | null
  suggested: boolean
  note: string
  now: number
  onChoose: (decision: Decision) => void
  /** A decision key was pressed: decide, then go to the next token. */
  onDecideAndNext: (decision: Decision) => void
  onNote: (note: string) => void
  groupRef: (element: HTMLFieldSetElement | null) => void
}

/** A token as a reviewer needs it, why it is flagged, and its Keep / Rotate / Revoke choice. */
export function ReviewTokenItem({
  item,
  decision,
  suggested,
  note,
  now,
  onChoose,
  onDecideAndNext,
  onNote,
  groupRef,
}: ReviewTokenItemProps) {
  const { token, flags } = item
  const ids = { name: useId(), note: useId(), secret: useId() }
  const [secretCut, setSecretCut] = useState(false)
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const chosen = DECISION_KEYS[event.key.toLowerCase()]
    if (chosen === undefined) return
    event.preventDefault()
    onDecideAndNext(chosen)
  }
  return (
    <li className="review-item" aria-labelledby={ids.name}>
      <div className="review-item__head">
        <h2 id={ids.name} className="review-item__name">
          <bdi>{token.name}</bdi>
        </h2>
        <code className="review-item__preview">{token.preview}</code>
        {flags.includes('session') && <span className="badge badge--session">This session</span>}
      </div>
      {flags.length > 0 && (
        <ul className="review-item__flags" aria-label="Why it needs a decision">
          {flags.map((flag) => (
            <li key={flag}>{flagText(flag, token, now)}</li>
          ))}
        </ul>
      )}
      <dl className="review-item__facts">
        <div>
          <dt>Scopes</dt>
          <dd>
            <ul className="review-item__scopes">
              {token.scopes.map((scope) =>
                scopeChangesData(scope) ? (
                  <li key={scope} className="chip chip--write">
                    {scope} <span className="visually-hidden">(can change data)</span>
                    <span aria-hidden="true">✎</span>
                  </li>
                ) : (
                  <li key={scope} className="chip">
                    {scope}
                  </li>
                ),
              )}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <Timestamp value={token.createdAt} label="Created" withDate />
          </dd>
        </div>
        <div>
          <dt>Last used</dt>
          <dd>
            {token.lastUsedAt ? (
              <Timestamp
                value={token.lastUsedAt}
                label="Last used"
                withDate
                note={LAST_USE_LAG_NOTE}
              />
            ) : (
              'Never used'
            )}
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            {token.expiresAt ? (
              <Timestamp value={token.expiresAt} label="Expires" withDate />
            ) : (
              'Never'
            )}
          </dd>
        </div>
      </dl>
      <fieldset className="decision" ref={groupRef}>
        <legend className="visually-hidden">{token.name}</legend>
        {(Object.keys(DECISION_LABELS) as Decision[]).map((choice) => (
          <label key={choice} className={`decision__choice decision__choice--${choice}`}>
            <input
              type="radio"
              name={`decision-${token.id}`}
              value={choice}
              checked={decision === choice}
              onChange={() => onChoose(choice)}
              onKeyDown={onKeyDown}
            />
            {DECISION_LABELS[choice]}
            {suggested && choice === 'revoke' && (
              <span className="decision__suggested">suggested: {suggestionReason(flags)}</span>
            )}
          </label>
        ))}
      </fieldset>
      <label className="review-item__note-label" htmlFor={ids.note}>
        Note <span className="visually-hidden">on {token.name}</span>
        <span className="muted">(optional)</span>
      </label>
      <input
        id={ids.note}
        className="input review-item__note"
        type="text"
        maxLength={500}
        value={note}
        aria-describedby={secretCut ? ids.secret : undefined}
        onChange={(event) => {
          // A note is kept in this browser and written to the record: never a secret. A pasted
          // token becomes its preview; one typed key by key is cut to what its preview begins with.
          const { value } = event.target
          const secret = holdsSecret(value)
          const inputType = (event.nativeEvent as Partial<InputEvent>).inputType
          const pasted = inputType === 'insertFromPaste' || inputType === 'insertFromDrop'
          setSecretCut(secret)
          onNote(secret ? (pasted ? withPreviews(value) : withoutSecretParts(value)) : value)
        }}
      />
      {secretCut && (
        <p id={ids.secret} className="review-item__secret-note" role="status">
          That held a token: the note keeps its preview only, never its secret.
        </p>
      )}
    </li>
  )
}
