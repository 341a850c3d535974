import { isApiError } from '../../../lib/http/api-error'
import { retryAfterText, sentence } from '../../../lib/http/describe-error'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import { failedOffline, outcomeUnknown } from '../../../lib/http/write-outcome'

export interface RevokeFailureCopy {
  title: string
  /** One or two sentences, ending in a full stop; never the request id (see `requestId`). */
  description: string
  /** The id to quote to OpenTrain support, when the API sent one. */
  requestId: string | null
  /** A 404: the token is gone or was revoked already (D3); the list is refetched. */
  alreadyGone: boolean
  /**
   * The revoke may have happened (a timeout, a dropped connection, an answer that does not confirm
   * it or cannot be read): the list, refetched as the revoke settles, is the truth.
   */
  unknownOutcome: boolean
}

/**
 * What a person needs to know when a revoke fails, with the request id to quote to support. The
 * name is isolated (bidiIsolate): these are plain strings (toasts, announcements), where `<bdi>` cannot go.
 */
export function describeRevokeError(error: unknown, name: string): RevokeFailureCopy {
  const quoted = `“${bidiIsolate(name)}”`
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
  if (failedOffline(error)) {
    return {
      ...withId,
      title: `You are offline: ${quoted} was not revoked`,
      description: 'Try again when the connection is back.',
    }
  }
  // A dropped connection is here too: the DELETE may have arrived before the connection broke.
  if (outcomeUnknown(error)) {
    return {
      ...withId,
      title: `Not confirmed: ${quoted} may or may not be revoked`,
      description: `${sentence(error.message)} The list now shows what OpenTrain holds.`,
      unknownOutcome: true,
    }
  }
  // Refused, so nothing changed: the console says so first, then what the server said (only its
  // own words are quoted as the server's: a bare 502 gets the console's description of it).
  return {
    ...withId,
    title: `OpenTrain could not revoke ${quoted}: it still works`,
    description:
      error.fromServer && error.message.trim()
        ? `Server said: ${sentence(error.message)}`
        : sentence(error.message),
  }
}
