import { createApiClient, type ApiRequest } from '../../../lib/http/api-client'
import { takeEarlyGet } from '../../../lib/http/early-responses'
import { apiBaseUrl } from './api-base'

let client: ApiRequest | undefined
let serverClient: (() => ApiRequest) | undefined

/**
 * Requests to the OpenTrain API, same-origin through the serve proxy (D13), which signs them with
 * the session's token from its cookie; every fetcher uses this one client. Built on first use, so
 * importing a fetcher touches no browser global; a GET started early (src/early-requests.ts) is
 * answered from it once.
 */
export const apiRequest: ApiRequest = (options) => {
  if (serverClient) return serverClient()(options)
  client ??= createApiClient({ baseUrl: apiBaseUrl(), takeEarlyGet })
  return client(options)
}

/**
 * The serve command's render (src/entry-server.tsx): every request goes to `current()`, the client
 * of the page request being rendered, which sends through the serve command's proxy with that
 * request's session.
 */
export function sendFromServer(current: () => ApiRequest): void {
  serverClient = current
}
