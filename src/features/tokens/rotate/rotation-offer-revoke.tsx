import type { RefObject } from 'react'
import { Button } from '../../../components/ui/button'
import { describeError } from '../../../lib/http/describe-error'
import type { Token } from '../api/token-schema'
import { stoppedAt, type RotationStage, type RotationState } from './rotation'
import { RotationStopped } from './rotation-stopped'

interface RotationOfferRevokeProps {
  token: Token
  state: RotationState
  replacement: Token | null
  onRun: (stage: RotationStage) => void
  onClose: () => void
  primaryRef: RefObject<HTMLButtonElement | null>
}

/** The session's step 4 (and a plain rotation never gets here): revoke the old token now? */
export function RotationOfferRevoke({
  token,
  state,
  replacement,
  onRun,
  onClose,
  primaryRef,
}: RotationOfferRevokeProps) {
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
        <RotationStopped
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
