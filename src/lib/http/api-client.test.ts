import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createApiClient } from './api-client'
import { ApiError } from './api-error'
import type { EarlyResponse } from './early-responses'

const BASE = 'http://api.test/api/public/v1'
const SECRET = 'ot_pat_0123456789ab_s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tAB'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const pingSchema = z.object({ ok: z.boolean() })
const client = createApiClient({ baseUrl: `${BASE}/`, timeoutMs: 500 })

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('createApiClient', () => {
  it('sends no Authorization (the serve command adds the session’s) and parses with the schema', async () => {
    let seen: Headers | undefined
    server.use(
      http.get(`${BASE}/ping`, ({ request }) => {
        seen = request.headers
        return HttpResponse.json({ ok: true, extra: 'ignored' })
      }),
    )
    await expect(client({ path: '/ping', schema: pingSchema })).resolves.toEqual({ ok: true })
    expect(seen?.get('authorization')).toBeNull()
    expect(seen?.get('accept')).toBe('application/json')
  })

  it('sends JSON bodies, with the session cookie of this origin only', async () => {
    let type: string | null = null
    let credentials: RequestCredentials | undefined
    let body: unknown
    server.use(
      http.post(`${BASE}/ping`, async ({ request }) => {
        type = request.headers.get('content-type')
        credentials = request.credentials
        body = await request.json()
        return HttpResponse.json({ ok: true })
      }),
    )
    await client({ method: 'POST', path: '/ping', schema: pingSchema, body: { a: 1 } })
    expect(type).toBe('application/json')
    expect(credentials).toBe('same-origin')
    expect(body).toEqual({ a: 1 })
  })

  it('turns the error envelope into an ApiError with code, message, requestId and details', async () => {
    server.use(
      http.delete(`${BASE}/tokens/tok_1`, () =>
        HttpResponse.json(
          {
            error: 'Token not found',
            code: 'NOT_FOUND',
            requestId: 'req-1',
            details: { tokenId: 'tok_1' },
          },
          { status: 404, headers: { 'X-Request-Id': 'req-1' } },
        ),
      ),
    )
    const error = await failure(
      client({ method: 'DELETE', path: '/tokens/tok_1', schema: pingSchema }),
    )
    expect(error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Token not found',
      requestId: 'req-1',
      details: { tokenId: 'tok_1' },
    })
  })

  it('falls back to the X-Request-Id header when the envelope has no requestId', async () => {
    server.use(
      http.get(`${BASE}/ping`, () =>
        HttpResponse.json(
          { error: 'Nope', code: 'FORBIDDEN' },
          { status: 403, headers: { 'X-Request-Id': 'hdr-9' } },
        ),
      ),
    )
    const error = await failure(client({ path: '/ping', schema: pingSchema }))
    expect(error.requestId).toBe('hdr-9')
    expect(error.code).toBe('FORBIDDEN')
  })

  it('survives a non-JSON error page from a proxy', async () => {
    server.use(
      http.get(
        `${BASE}/ping`,
        () =>
          new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    )
    const error = await failure(client({ path: '/ping', schema: pingSchema }))
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL_ERROR', requestId: null })
    expect(error.message).toBe('The OpenTrain API answered 502 Bad Gateway.')
    expect(error.isTransient).toBe(true)
  })

  it('reads Retry-After on a 429, and details.retryAfterSeconds when the header is missing', async () => {
    server.use(
      http.get(`${BASE}/ping`, () =>
        HttpResponse.json(
          { error: 'Slow down', code: 'RATE_LIMITED', requestId: 'r' },
          { status: 429, headers: { 'Retry-After': '17' } },
        ),
      ),
    )
    expect((await failure(client({ path: '/ping', schema: pingSchema }))).retryAfterSeconds).toBe(
      17,
    )

    server.use(
      http.get(`${BASE}/ping`, () =>
        HttpResponse.json(
          { error: 'Slow down', code: 'RATE_LIMITED', details: { retryAfterSeconds: 4 } },
          { status: 429 },
        ),
      ),
    )
    expect((await failure(client({ path: '/ping', schema: pingSchema }))).retryAfterSeconds).toBe(4)
  })

  it('rejects a response that does not match the schema, naming paths but never values', async () => {
    server.use(http.get(`${BASE}/ping`, () => HttpResponse.json({ ok: SECRET })))
    const error = await failure(client({ path: '/ping', schema: pingSchema }))
    expect(error.code).toBe('INVALID_RESPONSE')
    expect(error.details).toEqual({ issues: ['ok'] })
    expect(JSON.stringify(error.details) + error.message).not.toContain(SECRET)
  })

  it('rejects a 200 that is not JSON', async () => {
    server.use(http.get(`${BASE}/ping`, () => new HttpResponse('<html></html>', { status: 200 })))
    expect((await failure(client({ path: '/ping', schema: pingSchema }))).code).toBe(
      'INVALID_RESPONSE',
    )
  })

  it('reports a network failure as NETWORK_ERROR with no status', async () => {
    server.use(http.get(`${BASE}/ping`, () => HttpResponse.error()))
    const error = await failure(client({ path: '/ping', schema: pingSchema }))
    expect(error).toMatchObject({ status: null, code: 'NETWORK_ERROR' })
    expect(error.isTransient).toBe(true)
  })

  it('reports a slow server as TIMEOUT', async () => {
    server.use(
      http.get(`${BASE}/ping`, async () => {
        await delay('infinite')
        return HttpResponse.json({ ok: true })
      }),
    )
    // A server that never answers: the client's timeout, however short, is what ends the call.
    const impatient = createApiClient({ baseUrl: `${BASE}/`, timeoutMs: 20 })
    expect((await failure(impatient({ path: '/ping', schema: pingSchema }))).code).toBe('TIMEOUT')
  })

  it("lets the caller's own abort through as an AbortError, not an ApiError", async () => {
    server.use(
      http.get(`${BASE}/ping`, async () => {
        await delay('infinite')
        return HttpResponse.json({ ok: true })
      }),
    )
    const controller = new AbortController()
    const pending = client({ path: '/ping', schema: pingSchema, signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('never puts a secret the server echoes into the error message', async () => {
    server.use(
      http.get(`${BASE}/ping`, () =>
        HttpResponse.json(
          { error: `Token ${SECRET} is malformed`, code: 'BAD_REQUEST' },
          { status: 400 },
        ),
      ),
    )
    const error = await failure(client({ path: '/ping', schema: pingSchema }))
    expect(error.message).toBe('Token ot_pat_[redacted] is malformed')
  })

  describe('with an answer the page requested early', () => {
    /** A client whose early answer for GET /ping is `early` (taken once). */
    function clientWithEarly(early: EarlyResponse) {
      const taken: string[] = []
      const earlyClient = createApiClient({
        baseUrl: BASE,
        timeoutMs: 500,
        takeEarlyGet: (url) => {
          taken.push(url)
          return taken.length === 1 ? early : undefined
        },
      })
      return { earlyClient, taken }
    }
    const answer = (body: string, status = 200) =>
      new Response(body, { status, headers: { 'X-Request-Id': 'req-early' } })

    it('uses it instead of a request, once, and checks it with the schema', async () => {
      let requests = 0
      server.use(
        http.get(`${BASE}/ping`, () => {
          requests += 1
          return HttpResponse.json({ ok: false })
        }),
      )
      const { earlyClient, taken } = clientWithEarly({
        response: Promise.resolve(answer('{"ok":true}')),
        timeout: new AbortController().signal,
      })
      await expect(earlyClient({ path: '/ping', schema: pingSchema })).resolves.toEqual({
        ok: true,
      })
      expect(taken).toEqual([`${BASE}/ping`])
      expect(requests).toBe(0)
      await expect(earlyClient({ path: '/ping', schema: pingSchema })).resolves.toEqual({
        ok: false,
      })
      expect(requests).toBe(1)
    })

    it('turns its failures into the same errors as a request of its own', async () => {
      const invalid = clientWithEarly({
        response: Promise.resolve(answer('{"ok":"yes"}')),
        timeout: new AbortController().signal,
      }).earlyClient
      expect(await failure(invalid({ path: '/ping', schema: pingSchema }))).toMatchObject({
        code: 'INVALID_RESPONSE',
        requestId: 'req-early',
      })

      const refused = clientWithEarly({
        response: Promise.resolve(answer('{"error":"Invalid token","code":"UNAUTHORIZED"}', 401)),
        timeout: new AbortController().signal,
      }).earlyClient
      const unauthorized = await failure(refused({ path: '/ping', schema: pingSchema }))
      expect(unauthorized).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
      expect(unauthorized.isUnauthorized).toBe(true)

      const unreachable = clientWithEarly({
        response: Promise.reject(new TypeError('fetch failed')),
        timeout: new AbortController().signal,
      }).earlyClient
      expect(await failure(unreachable({ path: '/ping', schema: pingSchema }))).toMatchObject({
        status: null,
        code: 'NETWORK_ERROR',
      })

      const slow = clientWithEarly({
        response: Promise.reject(new DOMException('timed out', 'TimeoutError')),
        timeout: AbortSignal.abort(),
      }).earlyClient
      expect((await failure(slow({ path: '/ping', schema: pingSchema }))).code).toBe('TIMEOUT')
    })

    it("lets the caller's own abort through as an AbortError", async () => {
      const { earlyClient } = clientWithEarly({
        response: new Promise<Response>(() => {}),
        timeout: new AbortController().signal,
      })
      const controller = new AbortController()
      const pending = earlyClient({ path: '/ping', schema: pingSchema, signal: controller.signal })
      controller.abort()
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    })

    it('is never used for anything but a GET', async () => {
      server.use(http.delete(`${BASE}/ping`, () => HttpResponse.json({ ok: true })))
      const { earlyClient, taken } = clientWithEarly({
        response: Promise.resolve(answer('{"ok":false}')),
        timeout: new AbortController().signal,
      })
      await earlyClient({ method: 'DELETE', path: '/ping', schema: pingSchema })
      expect(taken).toEqual([])
    })
  })
})
