// The serve command holds the sign-in (issue 21, points 1-5): over real HTTP, against the real
// emulator, the secret is posted once and comes back only as a sealed HttpOnly cookie.
import { describe, expect, it, onTestFinished } from 'vitest'
import { openEmulator } from '../../emulator/emulator.ts'
import type { StartedHttpServer } from '../../start-http-server.ts'
import { serveOverHttp } from '../serve-test-support.ts'
import type { Upstream } from '../upstream.ts'
import { sealSession } from './sealed-session.ts'
import { sessionKeysFrom, type SessionKeys } from './session-keys.ts'
import { cookieHeaderFrom } from './cookie-header.ts'

const KEY = Buffer.alloc(32, 9).toString('base64')

/** A real emulator, whose every request is recorded, behind a serve app on a real server. */
async function consoleOverEmulator({
  keys = sessionKeysFrom(KEY),
  clientAddress,
}: { keys?: SessionKeys; clientAddress?: string } = {}) {
  const emulator = openEmulator({ db: ':memory:', seed: 'empty' })
  onTestFinished(() => emulator.close())
  const seen: Request[] = []
  const upstream: Upstream = (request) => {
    seen.push(request.clone())
    return emulator.fetch(request)
  }
  const server = await serveOverHttp(upstream, {
    demoToken: emulator.demoToken,
    sessionKeys: keys,
    ...(clientAddress ? { clientAddress } : {}),
  })
  return { emulator, seen, server, upstream }
}

/** What the console's own page sends: same origin, JSON. */
function sameOrigin(server: StartedHttpServer, extra: Record<string, string> = {}) {
  return { Origin: server.url, 'Sec-Fetch-Site': 'same-origin', ...extra }
}

async function signIn(
  server: StartedHttpServer,
  token: string,
  extra: Record<string, string> = {},
) {
  return fetch(`${server.url}/console/session`, {
    method: 'POST',
    headers: sameOrigin(server, { 'Content-Type': 'application/json', ...extra }),
    body: JSON.stringify({ token }),
  })
}

function statusWith(server: StartedHttpServer, token: string) {
  return fetch(`${server.url}/api/public/v1/tokens`, {
    headers: { Authorization: `Bearer ${token}` },
  }).then((response) => response.status)
}

describe('sign-in through the serve command', () => {
  it('checks the secret with /auth/me and answers me, with the session in an HttpOnly cookie', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const response = await signIn(server, emulator.demoToken)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await response.text()
    expect(body).not.toContain(emulator.demoToken)
    expect((JSON.parse(body) as { token: { id: string } }).token.id).toMatch(/^tok_/)

    const [session, signedIn] = response.headers.getSetCookie()
    expect(session).toMatch(
      /^ot_session=[\w-]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
    )
    expect(session).not.toContain(emulator.demoToken)
    expect(signedIn).toBe('ot_signed_in=1; Max-Age=43200; Path=/; SameSite=Strict')
  })

  it('marks the cookies Secure when a reverse proxy says the console is served over HTTPS', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const response = await signIn(server, emulator.demoToken, { 'X-Forwarded-Proto': 'https' })
    for (const cookie of response.headers.getSetCookie()) expect(cookie).toContain('; Secure')
  })

  it('passes a refusal back as OpenTrain gave it, and sets no cookie', async () => {
    const { server } = await consoleOverEmulator()
    const response = await signIn(server, 'ot_pat_000000000000_nosuchtokennosuchtokennosuchtok')
    expect(response.status).toBe(401)
    expect(((await response.json()) as { code: string }).code).toBe('UNAUTHORIZED')
    expect(response.headers.getSetCookie()).toEqual([])
  })

  const JSON_TYPE = { 'Content-Type': 'application/json' }
  it.each<[string, (self: string) => Record<string, string>, number]>([
    ['no Origin', () => JSON_TYPE, 403],
    ['another Origin', () => ({ ...JSON_TYPE, Origin: 'https://evil.test' }), 403],
    [
      'a cross-site fetch',
      (self) => ({ ...JSON_TYPE, Origin: self, 'Sec-Fetch-Site': 'cross-site' }),
      403,
    ],
    [
      'a form post',
      (self) => ({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: self }),
      415,
    ],
    ['text/plain', (self) => ({ 'Content-Type': 'text/plain', Origin: self }), 415],
  ])('refuses %s (login CSRF) before asking OpenTrain', async (_label, headersFor, status) => {
    const { emulator, seen, server } = await consoleOverEmulator()
    const response = await fetch(`${server.url}/console/session`, {
      method: 'POST',
      headers: headersFor(server.url),
      body: JSON.stringify({ token: emulator.demoToken }),
    })
    expect(response.status).toBe(status)
    expect(response.headers.getSetCookie()).toEqual([])
    expect(seen).toHaveLength(0)
  })

  it('refuses a body that is not one token', async () => {
    const { server } = await consoleOverEmulator()
    for (const body of ['{"token": 42}', '{', JSON.stringify({ token: 'a b' })]) {
      const response = await fetch(`${server.url}/console/session`, {
        method: 'POST',
        headers: sameOrigin(server, { 'Content-Type': 'application/json' }),
        body,
      })
      expect(response.status).toBe(400)
    }
  })

  it('signs in with the demo token for this machine, without the secret in any answer', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const config = await fetch(`${server.url}/console-config.json`).then((r) => r.json())
    expect(config).toMatchObject({ demo: true })
    const response = await fetch(`${server.url}/console/session/demo`, {
      method: 'POST',
      headers: sameOrigin(server),
    })
    expect(response.status).toBe(200)
    expect(await response.text()).not.toContain(emulator.demoToken)
    const tokens = await fetch(`${server.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookieHeaderFrom(response) },
    })
    expect(tokens.status).toBe(200)
  })

  it('offers no demo sign-in to a client on another machine', async () => {
    const { server } = await consoleOverEmulator({ clientAddress: '192.0.2.7' })
    const response = await fetch(`${server.url}/console/session/demo`, {
      method: 'POST',
      headers: sameOrigin(server),
    })
    expect(response.status).toBe(404)
    expect(await fetch(`${server.url}/console-config.json`).then((r) => r.json())).toEqual({})
  })
})

describe('the proxy with the session cookie', () => {
  it('adds the session token as Authorization, and sends OpenTrain no cookie', async () => {
    const { emulator, seen, server } = await consoleOverEmulator()
    const cookie = cookieHeaderFrom(await signIn(server, emulator.demoToken))
    const response = await fetch(`${server.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookie },
    })
    expect(response.status).toBe(200)
    const forwarded = seen.at(-1)
    expect(forwarded?.headers.get('authorization')).toBe(`Bearer ${emulator.demoToken}`)
    expect(forwarded?.headers.get('cookie')).toBeNull()
  })

  it('forwards a request that brings its own Authorization as before, from anywhere', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const response = await fetch(`${server.url}/api/public/v1/tokens`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${emulator.demoToken}`,
        'Content-Type': 'application/json',
        Origin: 'https://a-script.test',
      },
      body: JSON.stringify({ name: 'From a script', scopes: ['jobs:read'] }),
    })
    expect(response.status).toBe(201)
  })

  it.each<[string, (self: string) => Record<string, string>]>([
    ['another Origin', () => ({ Origin: 'https://evil.test' })],
    ['a cross-site fetch', (self) => ({ Origin: self, 'Sec-Fetch-Site': 'cross-site' })],
    ['no Origin', () => ({})],
  ])(
    'refuses a revoke from %s with 403, and the token keeps working',
    async (_label, headersFor) => {
      const { emulator, seen, server } = await consoleOverEmulator()
      const created = await emulator
        .fetch(
          new Request('http://emulator/api/public/v1/tokens', {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${emulator.demoToken}`,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify({ name: 'Victim', scopes: ['jobs:read'] }),
          }),
        )
        .then((r) => r.json() as Promise<{ token: string; metadata: { id: string } }>)
      const cookie = cookieHeaderFrom(await signIn(server, emulator.demoToken))
      const before = seen.length
      const response = await fetch(`${server.url}/api/public/v1/tokens/${created.metadata.id}`, {
        method: 'DELETE',
        headers: { Cookie: cookie, ...headersFor(server.url) },
      })
      expect(response.status).toBe(403)
      expect(((await response.json()) as { code: string }).code).toBe('FORBIDDEN')
      expect(seen).toHaveLength(before)
      expect(await statusWith(server, created.token)).toBe(200)
    },
  )

  it('refuses a create with a non-JSON body with 415, and nothing is created', async () => {
    const { emulator, seen, server } = await consoleOverEmulator()
    const cookie = cookieHeaderFrom(await signIn(server, emulator.demoToken))
    const before = seen.length
    const response = await fetch(`${server.url}/api/public/v1/tokens`, {
      method: 'POST',
      headers: sameOrigin(server, { Cookie: cookie, 'Content-Type': 'text/plain' }),
      body: JSON.stringify({ name: 'Planted', scopes: ['jobs:read'] }),
    })
    expect(response.status).toBe(415)
    expect(seen).toHaveLength(before)
  })

  it('takes a same-origin JSON write', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const cookie = cookieHeaderFrom(await signIn(server, emulator.demoToken))
    const response = await fetch(`${server.url}/api/public/v1/tokens`, {
      method: 'POST',
      headers: sameOrigin(server, { Cookie: cookie, 'Content-Type': 'application/json' }),
      body: JSON.stringify({ name: 'From the console', scopes: ['jobs:read'] }),
    })
    expect(response.status).toBe(201)
  })

  it('two serve processes given the same key accept each other’s cookies; another key does not', async () => {
    const first = await consoleOverEmulator()
    const second = await serveOverHttp(first.upstream, { sessionKeys: sessionKeysFrom(KEY) })
    const stranger = await serveOverHttp(first.upstream, {
      sessionKeys: sessionKeysFrom(Buffer.alloc(32, 3).toString('base64')),
    })
    const cookie = cookieHeaderFrom(await signIn(first.server, first.emulator.demoToken))
    const onSecond = await fetch(`${second.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookie },
    })
    expect(onSecond.status).toBe(200)
    const onStranger = await fetch(`${stranger.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookie },
    })
    expect(onStranger.status).toBe(401)
    expect(onStranger.headers.getSetCookie().join()).toMatch(/ot_session=; Max-Age=0/)
  })

  it('refuses an expired session before it reaches OpenTrain, and clears it', async () => {
    const keys = sessionKeysFrom(KEY)
    const { emulator, seen, server } = await consoleOverEmulator({ keys })
    const sealed = sealSession({ token: emulator.demoToken, tokenId: 'tok_x', expiresAt: 1 }, keys)
    const response = await fetch(`${server.url}/api/public/v1/tokens`, {
      headers: { Cookie: `ot_session=${sealed}` },
    })
    expect(response.status).toBe(401)
    expect(response.headers.getSetCookie()).toEqual([
      'ot_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict',
      'ot_signed_in=; Max-Age=0; Path=/; SameSite=Strict',
    ])
    expect(seen).toHaveLength(0)
  })
})

describe('session life', () => {
  it('sign-out clears both cookies', async () => {
    const { server } = await consoleOverEmulator()
    const response = await fetch(`${server.url}/console/session`, {
      method: 'DELETE',
      headers: sameOrigin(server),
    })
    expect(response.status).toBe(204)
    expect(response.headers.getSetCookie().join()).toMatch(
      /ot_session=; Max-Age=0.*ot_signed_in=; Max-Age=0/,
    )
  })

  it('refuses a sign-out from another site', async () => {
    const { server } = await consoleOverEmulator()
    const response = await fetch(`${server.url}/console/session`, {
      method: 'DELETE',
      headers: { Origin: 'https://evil.test' },
    })
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('a 401 from OpenTrain (the token was revoked elsewhere) clears the cookies', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const signedIn = await signIn(server, emulator.demoToken)
    const { token } = (await signedIn.json()) as { token: { id: string } }
    const cookie = cookieHeaderFrom(signedIn)
    await fetch(`${server.url}/api/public/v1/tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${emulator.demoToken}` },
    })
    const response = await fetch(`${server.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookie },
    })
    expect(response.status).toBe(401)
    expect(response.headers.getSetCookie().join()).toMatch(/ot_session=; Max-Age=0/)
  })

  it('revoking the session’s own token through the cookie ends the session', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const signedIn = await signIn(server, emulator.demoToken)
    const { token } = (await signedIn.json()) as { token: { id: string } }
    const response = await fetch(`${server.url}/api/public/v1/tokens/${token.id}`, {
      method: 'DELETE',
      headers: sameOrigin(server, { Cookie: cookieHeaderFrom(signedIn) }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie().join()).toMatch(/ot_session=; Max-Age=0/)
    expect(await statusWith(server, emulator.demoToken)).toBe(401)
  })

  it('switches the session to a rotation’s replacement, only once /auth/me confirms its id', async () => {
    const { emulator, server } = await consoleOverEmulator()
    const cookie = cookieHeaderFrom(await signIn(server, emulator.demoToken))
    const created = await fetch(`${server.url}/api/public/v1/tokens`, {
      method: 'POST',
      headers: sameOrigin(server, { Cookie: cookie, 'Content-Type': 'application/json' }),
      body: JSON.stringify({ name: 'Replacement', scopes: ['jobs:read'] }),
    }).then((r) => r.json() as Promise<{ token: string; metadata: { id: string } }>)
    const switchTo = (expectedTokenId: string) =>
      fetch(`${server.url}/console/session`, {
        method: 'POST',
        headers: sameOrigin(server, { Cookie: cookie, 'Content-Type': 'application/json' }),
        body: JSON.stringify({ token: created.token, expectedTokenId }),
      })

    const refused = await switchTo('tok_someone_else')
    expect(refused.status).toBe(409)
    expect(refused.headers.getSetCookie()).toEqual([])

    const switched = await switchTo(created.metadata.id)
    expect(switched.status).toBe(200)
    const me = await fetch(`${server.url}/api/public/v1/auth/me`, {
      headers: { Cookie: cookieHeaderFrom(switched) },
    }).then((r) => r.json() as Promise<{ token: { id: string } }>)
    expect(me.token.id).toBe(created.metadata.id)
  })

  it('answers another method on the session with 405', async () => {
    const { server } = await consoleOverEmulator()
    const response = await fetch(`${server.url}/console/session`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST, DELETE')
  })
})
