import { isApiError } from '../../../lib/http/api-error'
import type { Token } from '../api/token-schema'

export const BULK_CONCURRENCY = 4
/** Pause used for a 429 that carries no Retry-After (nor details.retryAfterSeconds). */
export const DEFAULT_RATE_LIMIT_PAUSE_SECONDS = 10
/** A token that keeps getting 429 after this many pauses is reported as failed. */
export const MAX_RATE_LIMIT_PAUSES_PER_TOKEN = 3

export type BulkRevokeResult =
  /** DELETE answered with the record (for an already revoked token, its original revokedAt: D3). */
  | { id: string; kind: 'revoked'; token: Token }
  /** DELETE answered 404: already revoked or no longer exists (D3, D4). */
  | { id: string; kind: 'already-gone'; requestId: string | null }
  /** Anything else, a 429 included once its pauses ran out. */
  | { id: string; kind: 'failed'; error: unknown }
  /** Never sent: the run was cancelled, or an id in `last` was held back by a failure. */
  | { id: string; kind: 'cancelled' }

export interface BulkRevokeOptions {
  /** In the order to send them; the caller puts the session's own token last. */
  ids: readonly string[]
  /** Sends one revoke; resolves with the server's record or throws (ApiError normally). */
  revoke: (id: string) => Promise<Token>
  /** At most this many revokes in flight; clamped to 1..BULK_CONCURRENCY; default BULK_CONCURRENCY. */
  concurrency?: number
  /**
   * Ids that must be sent alone, after every other id has settled (the session's own token). They
   * are reported `cancelled` when any other id failed: revoking the session's own token signs the
   * console out, and the person must be able to retry the failures first.
   */
  last?: ReadonlySet<string>
  onStart?: (id: string) => void
  onResult?: (result: BulkRevokeResult) => void
  /** Called with the pause in seconds when a 429 stops the queue, and with null when it resumes. */
  onPause?: (seconds: number | null) => void
  /** Waits; injectable so tests use fake time. Default: setTimeout, ending early on abort. */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Aborting stops sending new revokes (in-flight ones finish and report); unsent ids report 'cancelled'. */
  signal?: AbortSignal
}

/** Resolves after `ms`, or at once when `signal` aborts; never rejects. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done)
    if (signal?.aborted) done()
  })
}

const noop = () => undefined

/**
 * Revokes `ids`, at most `concurrency` in flight, and resolves (never rejects) with one result per
 * distinct id in the order of `ids`. A 429 (the server did nothing) puts its id back in front and
 * pauses the whole queue until every 429's own wait is over; nothing else is retried.
 */
export async function runBulkRevoke(options: BulkRevokeOptions): Promise<BulkRevokeResult[]> {
  const { revoke, signal, onStart, onResult, onPause, wait = sleep } = options
  const last = options.last ?? new Set<string>()
  const wanted = Math.floor(options.concurrency ?? BULK_CONCURRENCY)
  const concurrency = Number.isFinite(wanted)
    ? Math.min(BULK_CONCURRENCY, Math.max(1, wanted))
    : BULK_CONCURRENCY
  const ids = [...new Set(options.ids)]
  const queue = ids.filter((id) => !last.has(id))
  /** Rate-limited ids, in the order their 429s came: sent before the rest of the queue. */
  const resend: string[] = []
  const results = new Map<string, BulkRevokeResult>()
  const rateLimited = new Map<string, number>()
  const inFlight = new Set<Promise<void>>()
  const pauseWaits: Promise<void>[] = []
  let announced = 0
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve()
    signal?.addEventListener('abort', () => resolve(), { once: true })
  })

  const settle = (result: BulkRevokeResult) => {
    results.set(result.id, result)
    onResult?.(result)
    return result
  }

  const pauseFor = (seconds: number) => {
    if (signal?.aborted) return
    pauseWaits.push(wait(seconds * 1000, signal).then(noop, noop))
    if (seconds > announced) {
      announced = seconds
      onPause?.(seconds)
    }
  }

  const fail = (id: string, error: unknown) => {
    if (isApiError(error) && error.status === 429) {
      const count = (rateLimited.get(id) ?? 0) + 1
      rateLimited.set(id, count)
      const retryAfter = error.retryAfterSeconds ?? 0
      // Even the 429 that fails its id pauses: the others would only meet the same limit.
      pauseFor(retryAfter > 0 ? retryAfter : DEFAULT_RATE_LIMIT_PAUSE_SECONDS)
      if (count <= MAX_RATE_LIMIT_PAUSES_PER_TOKEN) {
        resend.push(id)
        return
      }
    }
    if (isApiError(error) && error.status === 404) {
      settle({ id, kind: 'already-gone', requestId: error.requestId })
    } else {
      settle({ id, kind: 'failed', error })
    }
  }

  const send = (id: string) => {
    onStart?.(id)
    // The executor turns a revoke that throws synchronously into a rejection.
    const task: Promise<void> = new Promise<Token>((resolve) => resolve(revoke(id)))
      .then(
        (token) => {
          settle({ id, kind: 'revoked', token })
        },
        (error: unknown) => fail(id, error),
      )
      .finally(() => inFlight.delete(task))
    inFlight.add(task)
  }

  let lastPhase = false
  for (;;) {
    if (pauseWaits.length > 0) {
      while (pauseWaits.length > 0 && !signal?.aborted) {
        await Promise.race([Promise.all(pauseWaits.splice(0)), aborted])
      }
      pauseWaits.length = 0
      announced = 0
      onPause?.(null)
      continue
    }
    const limit = lastPhase ? 1 : concurrency
    while (!signal?.aborted && inFlight.size < limit) {
      const id = resend.shift() ?? queue.shift()
      if (id === undefined) break
      send(id)
    }
    if (inFlight.size > 0) {
      await Promise.race(inFlight)
      continue
    }
    // Nothing in flight and nothing left to start: the others are done, now the held ones.
    const anyFailed = [...results.values()].some((result) => result.kind === 'failed')
    if (lastPhase || signal?.aborted || anyFailed) break
    lastPhase = true
    queue.push(...ids.filter((id) => last.has(id)))
  }
  return ids.map((id) => results.get(id) ?? settle({ id, kind: 'cancelled' }))
}
