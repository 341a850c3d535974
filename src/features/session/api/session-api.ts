import { createApiClient, type ApiRequest } from '../../../lib/http/api-client'
import { loadMeSchema } from './me-api'
import type { Me } from './me-schema'

let client: ApiRequest | undefined

/** The serve command's own session endpoints (docs/session.md), not OpenTrain's API. */
function sessionRequest(): ApiRequest {
  client ??= createApiClient({ baseUrl: new URL('/console', window.location.origin).href })
  return client
}

/**
 * Sends `secret` once to the serve command, which checks it with `/auth/me` and keeps it in its
 * sealed cookie; answers `me`. With `expectedTokenId` (a rotation's replacement), the serve command
 * switches only if `/auth/me` names that token (409 otherwise).
 */
export function signInWithSecret(secret: string, expectedTokenId?: string): Promise<Me> {
  return sessionRequest()({
    method: 'POST',
    path: '/session',
    body: expectedTokenId === undefined ? { token: secret } : { token: secret, expectedTokenId },
    schema: loadMeSchema,
  })
}

/** Signs in with the emulator's demo token, which stays on the server. */
export function signInWithDemo(): Promise<Me> {
  return sessionRequest()({ method: 'POST', path: '/session/demo', schema: loadMeSchema })
}

/** Asks the serve command to clear the session's cookies; nothing waits for it. */
export function clearServerSession(): void {
  void fetch('/console/session', { method: 'DELETE', keepalive: true }).catch(() => {})
}
