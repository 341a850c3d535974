import { useId, useState, type FormEvent, type RefObject } from 'react'
import { TriangleAlert } from '../../../components/warning-icon'
import { AlertDialogCancel } from '../../../components/ui/alert-dialog'
import { Button } from '../../../components/ui/button'
import type { Token } from '../api/token-schema'
import { formatTokenCount } from '../common/format-token-count'
import { confirmationPhrase, typedPhraseMatches } from '../revoke/revoke-risk'
import { typedCountMatches, type BulkPlan } from './bulk-plan'
import './bulk-plan-form.css'

interface BulkPlanFormProps {
  plan: BulkPlan
  includeSession: boolean
  onIncludeSession: (include: boolean) => void
  countField: RefObject<HTMLInputElement | null>
  /** Another flow's button (the access review's): it may be pressed with nothing to revoke. */
  confirmLabel?: string | undefined
  onConfirm: (targets: Token[]) => void
}

/**
 * The pre-flight: how many, used in the last 24 hours, able to write, which ones, and the typing
 * that confirms a risky set or the session's own token.
 */
export function BulkPlanForm({
  plan,
  includeSession,
  onIncludeSession,
  countField,
  confirmLabel,
  onConfirm,
}: BulkPlanFormProps) {
  const [typed, setTyped] = useState('')
  const [typedCount, setTypedCount] = useState('')
  const ids = { field: useId(), count: useId(), countHint: useId() }
  const phrase = plan.session ? confirmationPhrase(plan.session) : null
  const confirmed = !includeSession || (phrase !== null && typedPhraseMatches(typed, phrase))
  // As hard as revoking one such token alone: the count is typed, as its name would be.
  const countConfirmed =
    plan.countPhrase === null || typedCountMatches(typedCount, plan.countPhrase)
  // Only another flow (the access review's) confirms with nothing to revoke.
  const nothing = plan.tokens.length === 0
  const ready = (!nothing || confirmLabel !== undefined) && confirmed && countConfirmed

  function submit(event: FormEvent) {
    event.preventDefault()
    if (ready) onConfirm(plan.tokens)
  }

  return (
    <form className="bulk-plan" onSubmit={submit}>
      {nothing ? (
        <p className="bulk-plan__none">No token will be revoked.</p>
      ) : (
        <ul className="bulk-plan__facts">
          <li>
            <strong>{formatTokenCount(plan.tokens.length)}</strong> will be revoked.
          </li>
          <li className={plan.usedRecently > 0 ? 'bulk-plan__risk' : undefined}>
            {plan.usedRecently} used in the last 24 hours
            {plan.usedRecently > 0 ? ': something may still depend on them.' : '.'}
          </li>
          <li className={plan.canWrite > 0 ? 'bulk-plan__risk' : undefined}>
            {plan.canWrite} can change data (write or webhook scopes).
          </li>
        </ul>
      )}
      {plan.countPhrase !== null && (
        <div className="bulk-plan__count">
          <label htmlFor={ids.count}>
            Type <strong>{plan.countPhrase}</strong> to confirm
          </label>
          <p id={ids.countHint} className="bulk-plan__hint">
            Asked because at least one of them was used in the last 24 hours or can change data.
          </p>
          <input
            ref={countField}
            id={ids.count}
            className="bulk-plan__phrase"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-describedby={ids.countHint}
            value={typedCount}
            onChange={(event) => setTypedCount(event.target.value)}
          />
        </div>
      )}
      {!nothing && (
        <details className="bulk-plan__list">
          <summary>Which tokens</summary>
          <ul>
            {plan.tokens.map((token) => (
              <li key={token.id}>
                <bdi>{token.name}</bdi> <code>{token.preview}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.session && phrase && (
        <div className="form-warning bulk-plan__session">
          <TriangleAlert aria-hidden="true" size={16} />
          <div>
            <label className="bulk-plan__check">
              <input
                type="checkbox"
                checked={includeSession}
                onChange={(event) => onIncludeSession(event.target.checked)}
              />
              {/* One flex item, so the sentence wraps as a sentence around the name. */}
              <span>
                Also revoke “<bdi>{plan.session.name}</bdi>”, the token this console is signed in
                with
              </span>
            </label>
            <p>
              {includeSession
                ? 'It is revoked last, once the others have their answer, and then this console signs you out.'
                : 'Left out: this console keeps working.'}
            </p>
            {includeSession && (
              <>
                <label htmlFor={ids.field}>
                  Type <strong>{phrase.text}</strong> to confirm
                </label>
                <input
                  id={ids.field}
                  className="bulk-plan__phrase"
                  autoComplete="off"
                  spellCheck={false}
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                />
              </>
            )}
          </div>
        </div>
      )}
      <div className="dialog__actions">
        <AlertDialogCancel>Cancel</AlertDialogCancel>
        <Button type="submit" variant={nothing ? 'primary' : 'danger'} disabled={!ready}>
          {confirmLabel ?? `Revoke ${formatTokenCount(plan.tokens.length)}`}
        </Button>
      </div>
    </form>
  )
}
