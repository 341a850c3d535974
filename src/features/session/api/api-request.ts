import { createApiClient, type ApiRequest } from '../../../lib/api-client'
import { readSessionToken } from './session-store'

let client: ApiRequest | undefined

/**
 * Requests to the OpenTrain public API signed with the session's token, same-origin through the
 * serve proxy (D13). Every feature's fetchers use this one client. It is built on first use, so
 * importing a fetcher (as pure-logic tests do) touches no browser global.
 */
export const apiRequest: ApiRequest = (options) => {
  client ??= createApiClient({
    baseUrl: new URL('/api/public/v1', window.location.origin).href,
    getToken: readSessionToken,
  })
  return client(options)
}
