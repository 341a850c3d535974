import { delay, http, HttpResponse } from 'msw'
import { afterEach, expect, onTestFinished, vi } from 'vitest'
import { errorEnvelope } from './handlers'
import { server } from './server'

/**
 * The fault matrix's rows (issue 11): each a way an OpenTrain endpoint, or the road to it, can
 * fail, as an MSW answer. The schema rows are per endpoint (a body that fails that endpoint's
 * schema) and live beside each endpoint's tests.
 */
export const FAULTS = {
  '500 with the error envelope': () =>
    errorEnvelope(500, 'INTERNAL_ERROR', 'The database is unavailable', 'req-500'),
  // A proxy's page, with a script that must never run on the console's origin.
  '502 with an HTML body': () =>
    new HttpResponse(
      '<!doctype html><html><body><h1>502 Bad Gateway</h1><script>window.__ran502 = true</script></body></html>',
      { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } },
    ),
  '503 with no body': () =>
    new HttpResponse(null, {
      status: 503,
      statusText: 'Service Unavailable',
      headers: { 'X-Request-Id': 'req-503' },
    }),
  '429 with Retry-After': () =>
    HttpResponse.json(
      { error: 'Too many requests', code: 'RATE_LIMITED', requestId: 'req-429' },
      { status: 429, headers: { 'Retry-After': '1', 'X-Request-Id': 'req-429' } },
    ),
  '429 without Retry-After': () =>
    HttpResponse.json(
      { error: 'Too many requests', code: 'RATE_LIMITED', requestId: 'req-429' },
      { status: 429 },
    ),
  'an answer that never comes': async () => {
    await delay('infinite')
    return new HttpResponse(null, { status: 204 })
  },
  'a dropped connection': () => HttpResponse.error(),
  'malformed JSON in a 2xx': () =>
    new HttpResponse('{"tokens": [{"id": "tok_', {
      status: 200,
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-bad-json' },
    }),
  '401 mid-session': () => errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token', 'req-401'),
} satisfies Record<string, () => Response | Promise<Response>>

export type FaultName = keyof typeof FAULTS

/** The rows whose failure may pass by itself: a GET tries them again (query-client.ts). */
export const TRANSIENT_FAULTS = [
  '500 with the error envelope',
  '502 with an HTML body',
  '503 with no body',
  '429 with Retry-After',
  '429 without Retry-After',
  'a dropped connection',
] as const satisfies readonly FaultName[]

const realTimeout = AbortSignal.timeout.bind(AbortSignal)

/**
 * Makes the client's 30-second timeout pass in `ms` instead, for the current test: the browser API
 * the client times its requests with is sped up, not the client. The message still says what the
 * person would see.
 */
export function shortenTimeouts(ms = 300): void {
  const spy = vi
    .spyOn(AbortSignal, 'timeout')
    .mockImplementation((requested) => realTimeout(Math.min(requested, ms)))
  onTestFinished(() => spy.mockRestore())
}

/**
 * `GET url` answered by `answer` while `failing.on`, counting every request; the handlers already
 * in use answer it once `failing.on` is false. Register the real handlers first.
 */
export function failingGet(url: string, answer: () => Response | Promise<Response>) {
  const failing = { on: true, calls: 0 }
  server.use(
    http.get(url, () => {
      failing.calls += 1
      return failing.on ? answer() : undefined
    }),
  )
  return failing
}

/**
 * After every test of the file: nothing reached `console.error` (React reports an uncaught error
 * there), and the proxy page's inline script never ran.
 */
export function failOnStrayErrors(): void {
  const consoleErrors = vi.spyOn(console, 'error')
  afterEach(() => {
    expect(consoleErrors).not.toHaveBeenCalled()
    consoleErrors.mockClear()
    expect((window as { __ran502?: boolean }).__ran502).toBeUndefined()
  })
}
