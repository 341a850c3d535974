import type { QueryClient } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, expect, onTestFinished, vi } from 'vitest'
import { REQUEST_TIMEOUT_MS } from '../../lib/http/early-responses'
import { passTime, startFakeClock } from '../fake-time'
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

/**
 * Puts the client's request timeout on the fake clock for the current test, starting the clock:
 * Vitest's fake timers leave `AbortSignal.timeout`, the browser API the client times its requests
 * with, on real time. `passRequestTimeout` then lets the 30 seconds pass at once.
 */
export function timeoutsOnFakeClock(): void {
  if (!vi.isFakeTimers()) startFakeClock()
  const spy = vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new DOMException('Timed out', 'TimeoutError')), ms)
    return controller.signal
  })
  onTestFinished(() => spy.mockRestore())
}

/**
 * Once the request that never answers is the only one the app still waits for (the others must
 * not be timed out with it), moves the fake clock past the client's timeout.
 */
export async function passRequestTimeout(queryClient: QueryClient): Promise<void> {
  await waitFor(() => expect(queryClient.isFetching() + queryClient.isMutating()).toBe(1))
  await passTime(REQUEST_TIMEOUT_MS)
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
