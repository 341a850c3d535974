import { isApiError } from '../../../lib/api-error'
import { retryAfterText } from '../../../lib/describe-error'

export interface RevokeFailureCopy {
  title: string
  /** One or two sentences, ending in a full stop; never the request id (see `requestId`). */
  description: string
  /** The id to quote to OpenTrain support, when the API sent one. */
  requestId: string | null
  /** A 404: the token is gone or was revoked already (D3); the list is refetched. */
  alreadyGone: boolean
  /** The revoke may have happened (a timeout, an answer that does not confirm it). */
  unknownOutcome: boolean
}

/** The server's text as a sentence: trimmed, with a full stop when it has no end punctuation. */
function sentence(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return 'No reason was given.'
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/** What a person needs to know when a revoke fails, with the request id to quote to support. */
export function describeRevokeError(error: unknown, name: string): RevokeFailureCopy {
  const quoted = `“${name}”`
  const base = { requestId: null, alreadyGone: false, unknownOutcome: false }
  if (!isApiError(error)) {
    return {
      ...base,
      title: `Could not revoke ${quoted}`,
      description: 'An unexpected error occurred.',
    }
  }
  const withId = { ...base, requestId: error.requestId }
  if (error.status === 404) {
    return {
      ...withId,
      title: `${quoted} was already revoked or no longer exists`,
      description: 'The list now shows what OpenTrain holds.',
      alreadyGone: true,
    }
  }
  if (error.status === 429) {
    return {
      ...withId,
      title: `Too many requests: ${quoted} was not revoked`,
      description: retryAfterText(error.retryAfterSeconds),
    }
  }
  if (error.code === 'TIMEOUT' || error.code === 'UNCONFIRMED') {
    return {
      ...withId,
      title: `Not confirmed: ${quoted} may or may not be revoked`,
      description: `${sentence(error.message)} The list now shows what OpenTrain holds.`,
      unknownOutcome: true,
    }
  }
  if (error.status === null) {
    return {
      ...withId,
      title: `Could not reach OpenTrain: ${quoted} was not revoked`,
      description: 'Check your connection and try again.',
    }
  }
  return { ...withId, title: `Could not revoke ${quoted}`, description: sentence(error.message) }
}
