import { isApiError } from '../lib/http/api-error'
import './error-reference.css'

/** The request id to quote to OpenTrain support, when the API sent one. */
export function ErrorReference({ error }: { error: unknown }) {
  if (!isApiError(error) || !error.requestId) return null
  return (
    <p className="error-reference">
      Request ID <code>{error.requestId}</code>
    </p>
  )
}
