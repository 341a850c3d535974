import { createApiClient, type ApiRequest } from '../../../lib/http/api-client'
import { takeEarlyGet } from '../../../lib/http/early-responses'
import { apiBaseUrl } from './api-base'
import { readSessionToken } from './session-store'

let client: ApiRequest | undefined

/**
 * Requests to the OpenTrain API signed with the session's token, same-origin through the serve
 * proxy (D13); every fetcher uses this one client. Built on first use, so importing a fetcher
 * touches no browser global; a GET started early (src/early-requests.ts) is answered from it once.
 */
export const apiRequest: ApiRequest = (options) => {
  client ??= createApiClient({
    baseUrl: apiBaseUrl(),
    getToken: readSessionToken,
    takeEarlyGet,
  })
  return client(options)
}
