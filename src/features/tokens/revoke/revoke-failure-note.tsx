import { CopyButton } from '../../../components/copy-button'
import { TriangleAlert } from '../../../components/warning-icon'
import { Button } from '../../../components/ui/button'
import type { Token } from '../api/token-schema'
import type { RevokeFailureCopy } from './describe-revoke-error'
import './revoke-failure-note.css'

export interface RevokeFailureNoteProps {
  token: Token
  failure: RevokeFailureCopy
  /** Offered while the token can still be revoked (an unknown outcome may have revoked it). */
  canRetry: boolean
  onRetry: (token: Token) => void
  onDismiss: (id: string) => void
  /** The grid's roving tab stop for the note's buttons (0 while its cell holds it). */
  tabIndex: number
}

/**
 * A failed revoke, kept on its row until the person dismisses it or tries again: what went wrong
 * in the server's words, the request id to quote to support (copyable), and the two ways out.
 */
export function RevokeFailureNote({
  token,
  failure,
  canRetry,
  onRetry,
  onDismiss,
  tabIndex,
}: RevokeFailureNoteProps) {
  return (
    <div className="revoke-failure" role="group" aria-label={`Revoke of ${token.name} failed`}>
      <p className="revoke-failure__title">
        <TriangleAlert aria-hidden="true" size={16} />
        <span>{failure.title}</span>
      </p>
      <p className="revoke-failure__text">{failure.description}</p>
      {failure.requestId !== null && (
        <p className="revoke-failure__id">
          Request ID <code>{failure.requestId}</code>
          <CopyButton value={failure.requestId} label="Copy the request ID" tabIndex={tabIndex} />
        </p>
      )}
      <div className="revoke-failure__actions">
        {canRetry && (
          <Button variant="danger" tabIndex={tabIndex} onClick={() => onRetry(token)}>
            Try again
          </Button>
        )}
        <Button
          variant="secondary"
          tabIndex={tabIndex}
          aria-label={`Dismiss the failed revoke of ${token.name}`}
          onClick={() => onDismiss(token.id)}
        >
          Dismiss
        </Button>
      </div>
    </div>
  )
}
