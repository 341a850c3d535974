import type { ApiError } from './api-error'

/*
 * What a failed write (a revoke, a create) did on the server, as far as the console can tell. Only
 * the dialogs' code asks, so none of this is in the first render.
 */

/** No answer because the browser is offline: the request could not leave it. */
export function failedOffline(error: ApiError): boolean {
  return (
    error.code === 'NETWORK_ERROR' &&
    error.status === null &&
    typeof navigator !== 'undefined' &&
    navigator.onLine === false
  )
}

/**
 * The write may have been done though the console cannot confirm it: no answer came (a timeout, a
 * connection dropped after sending), or a 2xx came that cannot be read. Only the list can tell.
 */
export function outcomeUnknown(error: ApiError): boolean {
  if (failedOffline(error)) return false
  if (error.code === 'TIMEOUT' || error.code === 'NETWORK_ERROR' || error.code === 'UNCONFIRMED') {
    return true
  }
  return error.code === 'INVALID_RESPONSE' && error.status !== null && error.status < 300
}
