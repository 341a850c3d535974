import type { RefObject } from 'react'
import { Button } from '../../../components/ui/button'
import { describeError } from '../../../lib/http/describe-error'
import { stoppedAt, type RotationState } from './rotation'
import { RotationStopped } from './rotation-stopped'

interface RotationProgressProps {
  state: RotationState
  names: { old: string; replacement: string | null }
  runningText: string
  primaryRef: RefObject<HTMLButtonElement | null>
  onRetry: () => void
  onClose: () => void
}

/** The session's step 3, the switch: it runs on its own, so this is progress or where it stopped. */
export function RotationProgress({
  state,
  names,
  runningText,
  primaryRef,
  onRetry,
  onClose,
}: RotationProgressProps) {
  if (state.step !== 'failed') {
    return (
      <p role="status" className="rotation-progress">
        <span className="spinner spinner--small" aria-hidden="true" /> {runningText}
      </p>
    )
  }
  return (
    <>
      <RotationStopped
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
