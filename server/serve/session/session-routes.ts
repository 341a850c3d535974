import type { HttpBindings } from '@hono/node-server'
import type { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { envelope, proxyRequest } from '../proxy.ts'
import type { Upstream } from '../upstream.ts'
import { crossSiteWriteRefusal } from './same-origin-writes.ts'
import { openSession, sealSession, type Session } from './sealed-session.ts'
import {
  clearedSessionCookies,
  readSessionCookie,
  SESSION_LIFETIME_MS,
  sessionCookies,
} from './session-cookies.ts'
import type { SessionKeys } from './session-keys.ts'
import { tokenIdIn } from './me-token-id.ts'

type ServeApp = Hono<{ Bindings: Partial<HttpBindings> }>

/** Where the console's own session endpoints live (not `/api`: they are not OpenTrain's). */
const SESSION_PATH = '/console/session'

/** A sign-in body is one secret: a few hundred bytes. */
const MAX_SIGN_IN_BYTES = 4 * 1024

interface SessionRoutesOptions {
  upstream: Upstream
  keys: SessionKeys
  /** The demo token to sign in with, for this request (emulator mode, and a client allowed it). */
  demoTokenFor: (env: Partial<HttpBindings> | undefined) => string | undefined
}

function withCookies(response: Response, cookies: readonly string[]): Response {
  const copy = new Response(response.body, response)
  for (const cookie of cookies) copy.headers.append('Set-Cookie', cookie)
  copy.headers.set('Cache-Control', 'no-store')
  return copy
}

/**
 * Checks `token` with `GET /auth/me` upstream (through the proxy, with its limits) and, when
 * OpenTrain knows it (as token `expectedId`, when given), answers that `me` with the cookies of a
 * session holding it. Any other answer is passed back as it came, and no cookie is set.
 */
async function signIn(
  request: Request,
  token: string,
  options: SessionRoutesOptions,
  expectedId?: string,
) {
  const check = new Request(new URL('/api/public/v1/auth/me', request.url), {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  })
  const answer = await proxyRequest(check, options.upstream)
  if (answer.status !== 200) return answer
  const text = await answer.text()
  const tokenId = tokenIdIn(text)
  // Unreadable (not JSON, no token id): passed on as it came, without a session; the page says why.
  if (tokenId === null) return new Response(text, answer)
  // A rotation switching to its replacement: another token must not become the session's.
  if (expectedId !== undefined && tokenId !== expectedId) {
    return envelope(
      409,
      'CONFLICT',
      'OpenTrain answered about another token, so this console did not switch to it.',
    )
  }
  const session: Session = { token, tokenId, expiresAt: Date.now() + SESSION_LIFETIME_MS }
  const sealed = sealSession(session, options.keys)
  return withCookies(new Response(text, answer), sessionCookies(request, sealed))
}

interface SignInBody {
  token: string
  /** Switching a session to a rotation's replacement: the id `/auth/me` must confirm. */
  expectedTokenId?: string
}

/** `{ "token": "ot_pat_…", "expectedTokenId"?: "tok_…" }`, or `null` for anything else. */
function signInBodyFrom(body: unknown): SignInBody | null {
  const { token, expectedTokenId } = (body ?? {}) as Record<string, unknown>
  if (typeof token !== 'string' || !/^\S{1,512}$/.test(token)) return null
  if (expectedTokenId === undefined) return { token }
  return typeof expectedTokenId === 'string' && expectedTokenId !== ''
    ? { token, expectedTokenId }
    : null
}

/**
 * The console's session (house style §13): `POST /console/session` signs in with a secret sent once
 * as JSON, `POST /console/session/demo` with the emulator's demo token (the page never sees it),
 * `DELETE /console/session` signs out. Each is a same-origin JSON write (CSRF, login CSRF included).
 */
export function mountSessionRoutes(app: ServeApp, options: SessionRoutesOptions): void {
  app.use(`${SESSION_PATH}/*`, async (c, next) => crossSiteWriteRefusal(c.req.raw) ?? next())

  app.post(
    SESSION_PATH,
    bodyLimit({
      maxSize: MAX_SIGN_IN_BYTES,
      onError: () => envelope(413, 'BAD_REQUEST', 'A sign-in sends one token, nothing more.'),
    }),
    async (c) => {
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        return envelope(400, 'BAD_REQUEST', 'Send { "token": "ot_pat_…" } as JSON.')
      }
      const signInBody = signInBodyFrom(body)
      if (signInBody === null) {
        return envelope(400, 'BAD_REQUEST', 'Send { "token": "ot_pat_…" }.')
      }
      return signIn(c.req.raw, signInBody.token, options, signInBody.expectedTokenId)
    },
  )

  app.post(`${SESSION_PATH}/demo`, async (c) => {
    const demoToken = options.demoTokenFor(c.env)
    if (demoToken === undefined) {
      return envelope(404, 'NOT_FOUND', 'This console offers no demo token.')
    }
    return signIn(c.req.raw, demoToken, options)
  })

  app.delete(SESSION_PATH, (c) =>
    withCookies(new Response(null, { status: 204 }), clearedSessionCookies(c.req.raw)),
  )

  // The exact path first: Hono's `/console/session/*` matches `/console/session` too.
  app.all(SESSION_PATH, () =>
    envelope(405, 'BAD_REQUEST', 'Sign in with POST, sign out with DELETE.', {
      Allow: 'POST, DELETE',
    }),
  )
  app.all(`${SESSION_PATH}/*`, () => envelope(404, 'NOT_FOUND', 'No such session endpoint.'))
}

/**
 * An `/api` request on its way upstream: one that brings its own `Authorization` (curl, a script)
 * goes as it is; one that relies on the session cookie gets the session's token added, once it has
 * passed the same-origin check if it is a write. Afterwards, an upstream 401, or the revoke of the
 * session's own token, clears the cookies.
 */
export async function proxyWithSession(
  request: Request,
  upstream: Upstream,
  keys: SessionKeys,
): Promise<Response> {
  const sealed = request.headers.has('authorization') ? null : readSessionCookie(request)
  if (sealed === null) return proxyRequest(request, upstream)
  const session = openSession(sealed, keys)
  if (session === null) {
    const ended = envelope(
      401,
      'UNAUTHORIZED',
      'Your console session has ended (it expired or the server’s key changed). Sign in again.',
    )
    return withCookies(ended, clearedSessionCookies(request))
  }
  const refusal = crossSiteWriteRefusal(request)
  if (refusal) return refusal
  const headers = new Headers(request.headers)
  headers.set('Authorization', `Bearer ${session.token}`)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const signed = new Request(request.url, {
    method: request.method,
    headers,
    signal: request.signal,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
  })
  const answer = await proxyRequest(signed, upstream)
  const { pathname } = new URL(request.url)
  const revokedOwnToken =
    request.method === 'DELETE' &&
    answer.status === 200 &&
    pathname === `/api/public/v1/tokens/${session.tokenId}`
  if (answer.status === 401 || revokedOwnToken) {
    return withCookies(answer, clearedSessionCookies(request))
  }
  return answer
}
