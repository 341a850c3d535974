import { useEffect, useRef } from 'react'
import { Button } from '../../../components/ui/button'
import { DialogClose } from '../../../components/ui/dialog'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import type { Token } from '../api/token-schema'
import type { ExpiryChoice } from '../create/new-token-form'
import { NewSecretPanel } from '../create/new-secret-panel'
import { currentStepIndex, rotationSteps, type RotationStage, type RotationState } from './rotation'
import { RotationOfferRevoke } from './rotation-offer-revoke'
import { RotationProgress } from './rotation-progress'
import { RotationReview } from './rotation-review'

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
      return <RotationReview {...props} primaryRef={primary} />
    case 'running':
    case 'failed':
      if (state.stage === 'create') return <RotationReview {...props} primaryRef={primary} />
      if (state.stage === 'switch') {
        return (
          <RotationProgress
            state={state}
            names={names}
            primaryRef={primary}
            onRetry={() => props.onRun('switch')}
            onClose={props.onClose}
            runningText={`Checking “${bidiIsolate(names.replacement ?? '')}” with OpenTrain and switching this console to it…`}
          />
        )
      }
      return <RotationOfferRevoke {...props} primaryRef={primary} />
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
      return <RotationOfferRevoke {...props} primaryRef={primary} />
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
