import { isApiError } from '../../../lib/http/api-error'
import { describeError } from '../../../lib/http/describe-error'
import { failedOffline, outcomeUnknown } from '../../../lib/http/write-outcome'
import type { FormField } from './new-token-form'

export interface CreateErrorCopy {
  /** The field the server objected to, or `null` for the form as a whole (the cap, an outage). */
  field: FormField | null
  /** The server's words (safe to show), with what to do where the console knows better. */
  message: string
  /** The id to quote to OpenTrain support, when the API sent one. */
  requestId: string | null
  /**
   * Nothing reached OpenTrain, or it failed in passing: the same request may work again. Not when
   * the outcome is unknown (the token may exist).
   */
  retryable: boolean
}

/** The emulator names the field of a 400 in `details.field` (docs/api-contract.md §6, §3.2). */
const FIELD_OF_DETAIL: Record<string, FormField> = {
  name: 'name',
  scopes: 'scopes',
  expiresAt: 'expiry',
}

function list(value: unknown): string | null {
  return Array.isArray(value) && value.length > 0 ? value.map(String).join(', ') : null
}

/**
 * Where a failed `POST /tokens` belongs on the form: an unknown or escalating scope next to the
 * scopes (§3.2, D6, D21), a bad name or expiry next to that field, the 25-token cap (D5) and
 * anything else above the buttons. The server's message is kept; the request id goes apart.
 */
export function describeCreateError(error: unknown): CreateErrorCopy {
  if (!isApiError(error)) {
    return { field: null, message: describeError(error).message, requestId: null, retryable: true }
  }
  const base = {
    requestId: error.requestId,
    retryable: error.isTransient && !outcomeUnknown(error),
  }
  if (failedOffline(error)) {
    return {
      ...base,
      field: null,
      message:
        'This browser is offline, so nothing was sent to OpenTrain. Try again when the connection is back.',
    }
  }
  if (outcomeUnknown(error)) {
    // The POST may have minted a token whose secret never arrived: a blind retry would mint a
    // second one. The list, refetched when the create settles, shows whether it exists.
    return {
      ...base,
      field: null,
      message: `${error.message} OpenTrain may have created the token anyway: check the list before you create it again, and revoke it there if it is listed (its secret is lost).`,
    }
  }
  const details = error.details ?? {}
  const unknown = list(details.unknownScopes)
  if (unknown) {
    return { ...base, field: 'scopes', message: `${error.message} Unknown: ${unknown}.` }
  }
  if (error.status === 403) {
    const denied = list(details.deniedScopes)
    return {
      ...base,
      field: 'scopes',
      message: denied ? `${error.message} Not covered: ${denied}.` : error.message,
    }
  }
  if (error.status === 409 || error.code === 'CONFLICT') {
    return {
      ...base,
      field: null,
      message: `${error.message} Revoke a token you no longer need, then create this one.`,
    }
  }
  const field = typeof details.field === 'string' ? FIELD_OF_DETAIL[details.field] : undefined
  if (error.status === 400 && field) return { ...base, field, message: error.message }
  return { ...base, field: null, message: describeError(error).message }
}
