import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'
import { TriangleAlert } from '../../../components/warning-icon'
import { Button } from '../../../components/ui/button'
import { DialogClose } from '../../../components/ui/dialog'
import { isApiError } from '../../../lib/http/api-error'
import { useNow } from '../../../lib/time/use-now'
import type { Token } from '../api/token-schema'
import { describeCreateError } from '../create/describe-create-error'
import { describeError } from '../../../lib/http/describe-error'
import { expiryError, expiryInstant, type ExpiryChoice } from '../create/new-token-form'
import {
  currentStepIndex,
  keptExpiry,
  replacementRequest,
  rotationSteps,
  stoppedAt,
  type RotationStage,
  type RotationState,
} from './rotation'
import { covers } from '../common/scope-catalog'
import { ACTIVE_TOKEN_CAP } from '../common/token-state'
import { ExpiryPicker } from '../create/expiry-picker'
import { NewSecretPanel } from '../create/new-secret-panel'
import { RequestId } from '../../../components/request-id'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'

interface RotationBodyProps {
  token: Token
  isSessionToken: boolean
  state: RotationState
  heldScopes: readonly string[]
  /** The replacement's expiry, as chosen (the old token's lifetime until the person picks another). */
  expiry: ExpiryChoice
  onExpiry: (expiry: ExpiryChoice) => void
  /** The account holds the most active tokens it may (D5): the replacement would be refused. */
  atCap: boolean
  secret: string | null
  replacement: Token | null
  copied: boolean
  /** Leaving the secret uncopied was asked for: to close, or to go on. */
  confirming: 'close' | 'continue' | null
  onRun: (stage: RotationStage) => void
  onCopied: () => void
  onLeaveSecret: (copiedNow: boolean) => void
  onStayOnSecret: () => void
  onLeaveUncopied: () => void
  onClose: () => void
  onRevokeOld: () => void
}

/** What the rotate dialog shows at each step: the steps, then the step's own content. */
export function RotationBody(props: RotationBodyProps) {
  const { isSessionToken, state } = props
  const current = currentStepIndex(state)
  return (
    <div className="rotation">
      <ol className="rotation-steps" aria-label="Steps">
        {rotationSteps(isSessionToken).map((label, index) => (
          <li
            key={label}
            aria-current={index === current ? 'step' : undefined}
            className={
              index < current || state.step === 'done' ? 'rotation-steps__done' : undefined
            }
          >
            {label}
          </li>
        ))}
      </ol>
      <StepContent {...props} />
    </div>
  )
}

function StepContent(props: RotationBodyProps) {
  const { token, state, secret, replacement, confirming } = props
  const primary = useRef<HTMLButtonElement>(null)
  // Each step starts on its main action, so Enter goes on and the keyboard never has to hunt.
  const stepKey = `${state.step}:${'stage' in state ? state.stage : ''}:${confirming ?? ''}`
  useEffect(() => {
    primary.current?.focus()
  }, [stepKey])

  const names = { old: token.name, replacement: replacement?.name ?? null }
  if (confirming !== null) {
    return (
      <>
        <p>
          OpenTrain will not show the new token again. Without a copy, you cannot use it anywhere
          else than this console.
        </p>
        <div className="dialog__actions">
          <Button ref={primary} variant="primary" onClick={props.onStayOnSecret}>
            Go back to the token
          </Button>
          <Button variant="danger" onClick={props.onLeaveUncopied}>
            {confirming === 'close' ? 'Close without copying' : 'Continue without copying'}
          </Button>
        </div>
      </>
    )
  }
  switch (state.step) {
    case 'review':
      return <Review {...props} primaryRef={primary} />
    case 'running':
    case 'failed':
      if (state.stage === 'create') return <Review {...props} primaryRef={primary} />
      if (state.stage === 'switch') {
        return (
          <Progress
            state={state}
            names={names}
            primaryRef={primary}
            onRetry={() => props.onRun('switch')}
            onClose={props.onClose}
            runningText={`Checking “${bidiIsolate(names.replacement ?? '')}” with OpenTrain and switching this console to it…`}
          />
        )
      }
      return <OfferRevoke {...props} primaryRef={primary} />
    case 'secret':
      return secret === null ? null : (
        <>
          <p>
            “<bdi>{replacement?.name}</bdi>” is created and already works.
          </p>
          <NewSecretPanel
            secret={secret}
            copied={props.copied}
            onCopied={props.onCopied}
            onDone={props.onLeaveSecret}
            doneLabel="Continue"
            copyDoneLabel="Copy and continue"
          />
        </>
      )
    case 'switched':
      return <OfferRevoke {...props} primaryRef={primary} />
    case 'replaced':
      return (
        <>
          <p>
            “<bdi>{replacement?.name}</bdi>” is ready. Put it wherever “<bdi>{token.name}</bdi>” is
            used, then revoke the old token: anything still using it gets 401 errors.
          </p>
          <div className="dialog__actions">
            <DialogClose>Later</DialogClose>
            <Button ref={primary} variant="danger" onClick={props.onRevokeOld}>
              Revoke the old token…
            </Button>
          </div>
        </>
      )
    case 'done':
      return (
        <>
          <p role="status">
            Rotated. “<bdi>{token.name}</bdi>” is revoked, and this console is signed in with “
            <bdi>{replacement?.name}</bdi>”.
          </p>
          <div className="dialog__actions">
            <Button ref={primary} variant="primary" onClick={props.onClose}>
              Close
            </Button>
          </div>
        </>
      )
  }
}

type WithPrimary = RotationBodyProps & { primaryRef: RefObject<HTMLButtonElement | null> }

/** Step 1: what the replacement will be, its expiry to choose, and Create (or Try again). */
function Review({
  token,
  state,
  heldScopes,
  expiry,
  onExpiry,
  atCap,
  onRun,
  primaryRef,
}: WithPrimary) {
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
        <Stopped
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

/** The session's step 4 (and a plain rotation never gets here): revoke the old token now? */
function OfferRevoke({ token, state, replacement, onRun, onClose, primaryRef }: WithPrimary) {
  const running = state.step === 'running'
  const failed = state.step === 'failed' ? state : null
  return (
    <>
      <p>
        This console now uses “<bdi>{replacement?.name}</bdi>”. Revoke “<bdi>{token.name}</bdi>”
        now? Anything else still using it gets 401 errors.
      </p>
      {running && (
        <p role="status" className="rotation-progress">
          <span className="spinner spinner--small" aria-hidden="true" /> Revoking the old token…
        </p>
      )}
      {failed && (
        <Stopped
          copy={stoppedAt('revoke-old', {
            old: token.name,
            replacement: replacement?.name ?? null,
          })}
          error={failed.error}
          message={describeError(failed.error).message}
        />
      )}
      <div className="dialog__actions">
        <Button
          variant="secondary"
          aria-disabled={running || undefined}
          onClick={() => {
            if (!running) onClose()
          }}
        >
          Keep it for now
        </Button>
        <Button
          ref={primaryRef}
          variant="danger"
          aria-disabled={running || undefined}
          onClick={() => {
            if (!running) onRun('revoke-old')
          }}
        >
          {failed ? 'Try again' : 'Revoke the old token'}
        </Button>
      </div>
    </>
  )
}

interface ProgressProps {
  state: RotationState
  names: { old: string; replacement: string | null }
  runningText: string
  primaryRef: RefObject<HTMLButtonElement | null>
  onRetry: () => void
  onClose: () => void
}

/** The session's step 3, the switch: it runs on its own, so this is progress or where it stopped. */
function Progress({ state, names, runningText, primaryRef, onRetry, onClose }: ProgressProps) {
  if (state.step !== 'failed') {
    return (
      <p role="status" className="rotation-progress">
        <span className="spinner spinner--small" aria-hidden="true" /> {runningText}
      </p>
    )
  }
  return (
    <>
      <Stopped
        copy={stoppedAt('switch', names)}
        error={state.error}
        message={describeError(state.error).message}
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
        <Button ref={primaryRef} variant="primary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </>
  )
}

/** Where the rotation stopped, what still works, the server's words and the request id. */
function Stopped({
  copy,
  error,
  message,
}: {
  copy: { title: string; description: string }
  error: unknown
  message: ReactNode
}) {
  return (
    <div className="form-alert" role="alert">
      <TriangleAlert aria-hidden="true" size={16} />
      <div>
        <p className="rotation-stopped__title">{copy.title}</p>
        <p>{copy.description}</p>
        <p>{message}</p>
        {isApiError(error) && error.requestId && <RequestId id={error.requestId} />}
      </div>
    </div>
  )
}
