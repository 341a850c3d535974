import { useId, type RefObject } from 'react'
import { TriangleAlert } from '../../../components/warning-icon'
import { Button } from '../../../components/ui/button'
import { DialogClose } from '../../../components/ui/dialog'
import { useNow } from '../../../lib/time/use-now'
import type { Token } from '../api/token-schema'
import { covers } from '../common/scope-catalog'
import { ACTIVE_TOKEN_CAP } from '../common/token-state'
import { describeCreateError } from '../create/describe-create-error'
import { ExpiryPicker } from '../create/expiry-picker'
import { expiryError, expiryInstant, type ExpiryChoice } from '../create/new-token-form'
import {
  keptExpiry,
  replacementRequest,
  stoppedAt,
  type RotationStage,
  type RotationState,
} from './rotation'
import { RotationStopped } from './rotation-stopped'

interface RotationReviewProps {
  token: Token
  state: RotationState
  /** The scopes this console's token holds: it can grant no others. */
  heldScopes: readonly string[]
  /** The replacement's expiry, as chosen (the old token's lifetime until the person picks another). */
  expiry: ExpiryChoice
  onExpiry: (expiry: ExpiryChoice) => void
  /** The account holds the most active tokens it may (D5): the replacement would be refused. */
  atCap: boolean
  onRun: (stage: RotationStage) => void
  primaryRef: RefObject<HTMLButtonElement | null>
}

/** Step 1: what the replacement will be, its expiry to choose, and Create (or Try again). */
export function RotationReview({
  token,
  state,
  heldScopes,
  expiry,
  onExpiry,
  atCap,
  onRun,
  primaryRef,
}: RotationReviewProps) {
  const now = useNow()
  const ids = { expiry: useId(), cap: useId() }
  const request = replacementRequest(token, expiry, now)
  const uncovered = request.scopes.filter((scope) => !covers(heldScopes, scope))
  const expiryProblem = expiryError(expiryInstant(expiry, now), now)
  const running = state.step === 'running'
  const failed = state.step === 'failed' ? state : null
  const blocked = running || atCap || uncovered.length > 0 || expiryProblem !== undefined
  return (
    <form
      className="create-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!blocked) onRun('create')
      }}
    >
      <section className="create-summary rotation-summary" aria-label="The replacement">
        <dl>
          <dt>Name</dt>
          <dd>
            <bdi>{request.name}</bdi>
          </dd>
          <dt>Scopes</dt>
          <dd>{request.scopes.join(', ')}</dd>
        </dl>
      </section>
      <ExpiryPicker
        value={expiry}
        onChange={onExpiry}
        error={expiryProblem}
        errorId={ids.expiry}
        lifetime={lifetimeOf(token)}
      />
      {uncovered.length > 0 && (
        <div className="form-alert" role="alert">
          <TriangleAlert aria-hidden="true" size={16} />
          <p>
            This console’s token cannot grant {uncovered.join(', ')}, so it cannot create this
            replacement. Sign in with a token that holds them to rotate this one.
          </p>
        </div>
      )}
      {atCap && (
        // Said before anything is sent: OpenTrain would refuse a 26th active token (D5).
        <div className="form-alert" id={ids.cap}>
          <TriangleAlert aria-hidden="true" size={16} />
          <p>
            {ACTIVE_TOKEN_CAP} of {ACTIVE_TOKEN_CAP} tokens are active, the most OpenTrain allows,
            so it would refuse the replacement. Revoke a token you no longer need first, then rotate
            this one.{failed ? '' : ' Nothing has been sent.'}
          </p>
        </div>
      )}
      {failed && (
        <RotationStopped
          copy={stoppedAt('create', { old: token.name, replacement: null })}
          error={failed.error}
          message={describeCreateError(failed.error).message}
        />
      )}
      <div className="dialog__actions">
        <DialogClose disabled={running}>Cancel</DialogClose>
        <Button
          ref={primaryRef}
          type="submit"
          variant="primary"
          // aria-disabled, not disabled: it keeps focus, and reads out why it does nothing.
          aria-disabled={blocked || undefined}
          aria-describedby={atCap ? ids.cap : undefined}
        >
          {running ? 'Creating…' : failed ? 'Try again' : 'Create the replacement'}
        </Button>
      </div>
    </form>
  )
}

/** The old token's lifetime, for `keptExpiry`'s choice. */
function lifetimeOf(token: Token): number | undefined {
  const kept = keptExpiry(token)
  return kept.kind === 'lifetime' ? kept.ms : undefined
}
