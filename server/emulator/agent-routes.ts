import { Hono } from 'hono'
import type { EmulatorDeps, EmulatorEnv } from './context.ts'
import { OAuthError, jsonResponse } from './errors.ts'
import { BodyTooLargeError, mediaType, readBodyLimited } from './request-body.ts'
import { hashToken } from './token-secret.ts'

const FORM = 'application/x-www-form-urlencoded'
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The `token` field of an RFC 7009 revocation request, or an OAuthError (D26). */
export function revocationToken(body: Uint8Array, contentType: string | null): string | OAuthError {
  const type = mediaType(contentType)
  if (body.byteLength > 0 && type !== FORM) {
    return new OAuthError(400, 'invalid_request', `The request body must be ${FORM}.`)
  }
  let text: string
  try {
    text = utf8.decode(body)
  } catch {
    return new OAuthError(400, 'invalid_request', 'The request body is not valid UTF-8.')
  }
  const token = new URLSearchParams(text).get('token')
  if (token === null || token === '')
    return new OAuthError(400, 'invalid_request', 'token is required')
  return token
}

/**
 * `/api/agent/*`: RFC 7009 revocation at `/oauth/revoke` and its alias `/identity/revoke` (D12).
 * Always `{}` for a well-formed request, whether or not the token existed; `token_type_hint` is
 * accepted and ignored.
 */
export function agentRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>()
  for (const path of ['/oauth/revoke', '/identity/revoke']) {
    routes.post(path, async (c) => {
      let body: Uint8Array
      try {
        body = await readBodyLimited(c.req.raw)
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          throw new OAuthError(413, 'invalid_request', error.message)
        }
        throw error
      }
      const token = revocationToken(body, c.req.header('content-type') ?? null)
      if (token instanceof OAuthError) throw token
      deps.store.revokeByHash(hashToken(token), deps.nowMs())
      return jsonResponse({}, 200)
    })
    routes.all(path, () => {
      throw new OAuthError(405, 'invalid_request', 'Use POST.', { Allow: 'POST' })
    })
  }
  return routes
}
