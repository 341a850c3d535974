import { isApiError } from '../../../lib/api-error'
import { retryAfterText } from '../../../lib/describe-error'

export interface RevokeFailureCopy {
  title: string
  description: string
  /** A 404: the token is gone or was revoked already (D3); the list is refetched. */
  alreadyGone: boolean
}

/** What a person needs to know when a revoke fails, with the request id to quote to support. */
export function describeRevokeError(error: unknown, name: string): RevokeFailureCopy {
  const quoted = `“${name}”`
  const reference = isApiError(error) && error.requestId ? ` Request ID: ${error.requestId}` : ''
  if (!isApiError(error)) {
    return {
      title: `Could not revoke ${quoted}`,
      description: 'An unexpected error occurred.',
      alreadyGone: false,
    }
  }
  if (error.status === 404) {
    return {
      title: `${quoted} was already revoked or no longer exists`,
      description: `The list now shows what OpenTrain holds.${reference}`,
      alreadyGone: true,
    }
  }
  if (error.status === 429) {
    return {
      title: `Too many requests: ${quoted} was not revoked`,
      description: `${retryAfterText(error.retryAfterSeconds)}${reference}`,
      alreadyGone: false,
    }
  }
  if (error.code === 'TIMEOUT') {
    return {
      title: `OpenTrain did not answer in time`,
      description: `${quoted} may or may not be revoked; the list will show what the server holds.${reference}`,
      alreadyGone: false,
    }
  }
  if (error.status === null) {
    return {
      title: `Could not reach OpenTrain: ${quoted} was not revoked`,
      description: `Check your connection and try again.${reference}`,
      alreadyGone: false,
    }
  }
  return {
    title: `Could not revoke ${quoted}`,
    description: `${error.message}${reference}`,
    alreadyGone: false,
  }
}
