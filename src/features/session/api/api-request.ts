import { createApiClient, type ApiRequest } from '../../../lib/http/api-client'
import { takeEarlyGet } from '../../../lib/http/early-responses'
import { apiBaseUrl } from './api-base'

let client: ApiRequest | undefined

/**
 * Requests to the OpenTrain API, same-origin through the serve proxy (D13), which signs them with
 * the session's token from its cookie; every fetcher uses this one client. Built on first use, so
 * importing a fetcher touches no browser global; a GET started early (src/early-requests.ts) is
 * answered from it once.
 */
export const apiRequest: ApiRequest = (options) => {
  client ??= createApiClient({ baseUrl: apiBaseUrl(), takeEarlyGet })
  return client(options)
}
