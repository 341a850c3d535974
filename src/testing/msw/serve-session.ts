import { http, HttpResponse } from 'msw'
import { startSession } from '../../features/session/api/session-store'
import { TEST_SECRET } from './db'
import { tokenIdIn } from '../../../server/serve/session/me-token-id'

/**
 * The serve command's session as the integration tests stand in for it (docs/session.md): the
 * secret its sealed cookie would hold, and the `ot_signed_in` cookie the page reads. Reset after
 * each test (setup-tests.ts).
 */
let cookieSecret: string | null = null

/** The secret a request is made with: its own `Authorization`, else the session cookie's. */
export function secretOf(request: Request): string {
  const bearer = request.headers.get('Authorization')?.replace(/^Bearer /, '')
  return bearer ?? cookieSecret ?? ''
}

/** What the session cookie holds now (null when signed out): what a rotation switched it to. */
export function sessionCookieSecret(): string | null {
  return cookieSecret
}

function setCookies(secret: string | null): void {
  cookieSecret = secret
  if (typeof document === 'undefined') return // a unit test in node
  document.cookie = secret === null ? 'ot_signed_in=; max-age=0; path=/' : 'ot_signed_in=1; path=/'
}

/** Signed in already, as after a sign-in in an earlier page load. */
export function signInForTest(secret = TEST_SECRET): void {
  setCookies(secret)
  startSession()
}

export function resetTestSession(): void {
  setCookies(null)
}

/**
 * `/console/session`: sign-in asks `GET /auth/me` with the secret, as the serve command asks its
 * upstream (through MSW, so a test's fault on `/auth/me` applies), and holds it when that answers
 * 200; sign-out clears it. The upstream's answer comes back as it came (the real proxy would also
 * wrap a non-JSON one in its envelope, tested in server/), and a dropped upstream connection as a
 * dropped one. The demo sign-in is not offered.
 */
export function sessionHandlers() {
  return [
    http.post('*/console/session', async ({ request }) => {
      const { token, expectedTokenId } = (await request.json()) as {
        token: string
        expectedTokenId?: string
      }
      const answer = await fetch(new URL('/api/public/v1/auth/me', request.url), {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      }).catch(() => null)
      if (answer === null) return HttpResponse.error()
      if (answer.status !== 200) return answer
      const text = await answer.text()
      const asItCame = () => new HttpResponse(text, { status: 200, headers: answer.headers })
      const id = tokenIdIn(text)
      if (id === null) return asItCame() // no session
      if (expectedTokenId !== undefined && id !== expectedTokenId) {
        return HttpResponse.json(
          { error: 'Another token', code: 'CONFLICT', requestId: 'req-409' },
          { status: 409 },
        )
      }
      setCookies(token)
      return asItCame()
    }),
    http.post('*/console/session/demo', () =>
      HttpResponse.json({ error: 'No demo', code: 'NOT_FOUND' }, { status: 404 }),
    ),
    http.delete('*/console/session', () => {
      setCookies(null)
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}
