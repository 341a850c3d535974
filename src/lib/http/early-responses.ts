/**
 * Answers to GET requests started before the app's code arrived (src/early-requests.ts), each
 * handed out once, to the API client's same request in the same session. Imports nothing, so it
 * costs the first script almost nothing (docs/performance.md).
 */

/** How long any API request may take, early or not. */
export const REQUEST_TIMEOUT_MS = 30_000
/** An answer not asked for within this long is dropped: the app would think it stale anyway. */
const MAX_AGE_MS = 30_000

export interface EarlyResponse {
  response: Promise<Response>
  /** Aborts the request after REQUEST_TIMEOUT_MS, as the client's own timeout does. */
  timeout: AbortSignal
}

interface Pending extends EarlyResponse {
  startedAt: number
}

const pending = new Map<string, Pending>()

/** Sends `GET url` as the API client would (with the session's cookie), and keeps the answer. */
export function startEarlyGet(url: string): void {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
  const response = fetch(url, {
    headers: { Accept: 'application/json' },
    signal: timeout,
    credentials: 'same-origin',
    cache: 'no-store',
  })
  // Until it is taken nobody awaits it; a failure is reported to whoever takes it.
  response.catch(() => {})
  pending.set(url, { response, timeout, startedAt: performance.now() })
}

/** Forgets every answer not taken yet: the session ended, and they answer for it. */
export function dropEarlyGets(): void {
  pending.clear()
}

/** The early answer to `GET url`, if one was started in this session: once only. */
export function takeEarlyGet(url: string): EarlyResponse | undefined {
  const early = pending.get(url)
  if (early === undefined) return undefined
  pending.delete(url)
  if (performance.now() - early.startedAt > MAX_AGE_MS) return undefined
  return { response: early.response, timeout: early.timeout }
}
