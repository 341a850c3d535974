import { useState } from 'react'
import { Button } from '../../../components/ui/button'
import type { Token } from '../api/token-schema'
import { RevokeTokenDialog } from '../revoke/revoke-token-dialog'
import { useRevoke } from '../revoke/use-revoke'
import { RotateTokenFlow } from '../rotate/rotate-token-flow'
import type { RecordedToken, ReviewOutcome } from './review-record'
import './review-rotations.css'

interface ReviewRotationsProps {
  /** The record's tokens marked Rotate. */
  entries: readonly RecordedToken[]
  /** The account's tokens now: a rotation starts from the token as it is. */
  current: readonly Token[]
  sessionTokenId: string
  heldScopes: readonly string[]
  onOutcome: (id: string, outcome: ReviewOutcome) => void
}

/**
 * The rotations a review asked for: each starts the usual rotate flow (the guided one for the
 * token this console is signed in with), and is ticked off once its replacement exists.
 */
export function ReviewRotations({
  entries,
  current,
  sessionTokenId,
  heldScopes,
  onOutcome,
}: ReviewRotationsProps) {
  const [rotating, setRotating] = useState<Token | null>(null)
  const [revokingOld, setRevokingOld] = useState<Token | null>(null)
  const revoke = useRevoke({ onStarted: () => {} })
  const byId = new Map(current.map((token) => [token.id, token]))
  const done = entries.filter((entry) => entry.outcome.kind === 'rotated').length

  return (
    <section className="review-rotations" aria-labelledby="review-rotations-title">
      <h2 id="review-rotations-title">To rotate</h2>
      <p className="review-rotations__intro">
        {done} of {entries.length} rotated. Each rotation makes a replacement with the same scopes,
        shows its secret once for you to put where the old one was, then revokes the old token.
      </p>
      <ul className="review-rotations__list">
        {entries.map((entry) => {
          const token = byId.get(entry.id)
          const outcome = entry.outcome
          return (
            <li key={entry.id} className="review-rotations__item">
              <span
                className={`review-rotations__mark${outcome.kind === 'rotated' ? ' review-rotations__mark--done' : ''}`}
                aria-hidden="true"
              >
                {outcome.kind === 'rotated' ? '✓' : '○'}
              </span>
              <span className="review-rotations__name" tabIndex={-1} data-token-focus={entry.id}>
                <bdi>{entry.name}</bdi> <code>{entry.preview}</code>
              </span>
              {outcome.kind === 'rotated' ? (
                <span className="review-rotations__done">
                  Rotated: replaced by <code>{outcome.replacementId}</code>
                </span>
              ) : token && token.status === 'active' ? (
                <Button variant="secondary" onClick={() => setRotating(token)}>
                  {/* One flex item: the button's gap must not come between the quotes and the name. */}
                  <span>
                    Rotate “<bdi>{entry.name}</bdi>”…
                  </span>
                </Button>
              ) : (
                <span className="review-rotations__gone">
                  No longer active: revoked or deleted elsewhere.
                </span>
              )}
            </li>
          )
        })}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {revoke.announcement}
      </p>
      <RotateTokenFlow
        open={rotating !== null}
        token={rotating}
        isSessionToken={rotating?.id === sessionTokenId}
        heldScopes={heldScopes}
        onClose={() => setRotating(null)}
        onCreated={(replacement) => {
          if (rotating) onOutcome(rotating.id, { kind: 'rotated', replacementId: replacement.id })
        }}
        onRevokeOld={setRevokingOld}
      />
      <RevokeTokenDialog
        token={revokingOld}
        isSessionToken={revokingOld?.id === sessionTokenId}
        onCancel={() => setRevokingOld(null)}
        onConfirm={(token) => {
          setRevokingOld(null)
          revoke.send(token)
        }}
      />
    </section>
  )
}
