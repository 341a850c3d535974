import { createApiClient, type ApiRequest } from '../../../lib/http/api-client'
import { takeEarlyGet } from '../../../lib/http/early-responses'
import { apiBaseUrl } from './api-base'
import { readSessionToken } from './session-store'

let client: ApiRequest | undefined

/**
 * Requests to the OpenTrain public API signed with the session's token, same-origin through the
 * serve proxy (D13). Every feature's fetchers use this one client. It is built on first use, so
 * importing a fetcher (as pure-logic tests do) touches no browser global. A GET the page started
 * before the app arrived (src/early-requests.ts) is answered from that request, once.
 */
export const apiRequest: ApiRequest = (options) => {
  client ??= createApiClient({
    baseUrl: apiBaseUrl(),
    getToken: readSessionToken,
    takeEarlyGet,
  })
  return client(options)
}
