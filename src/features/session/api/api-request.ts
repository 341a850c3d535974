import { createApiClient } from './api-client'
import { readSessionToken } from './session-store'

/** The app's client for the OpenTrain public API, same-origin through the serve proxy (D13). */
export const apiRequest = createApiClient({
  baseUrl: new URL('/api/public/v1', window.location.origin).href,
  getToken: readSessionToken,
})
