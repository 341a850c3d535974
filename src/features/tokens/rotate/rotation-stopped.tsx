import type { ReactNode } from 'react'
import { TriangleAlert } from '../../../components/warning-icon'
import { RequestId } from '../../../components/request-id'
import { isApiError } from '../../../lib/http/api-error'

/** Where the rotation stopped, what still works, the server's words and the request id. */
export function RotationStopped({
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
