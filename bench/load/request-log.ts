// Every timed request of a load run: its latency by kind, its status, and what went wrong.
import type { Answer } from './http-client.ts'
import type { RequestKind } from './request-mix.ts'

/** The status each kind is meant to answer with; any other (429 apart) is an error. */
const EXPECTED_STATUS: Readonly<Record<RequestKind, number>> = {
  list: 200,
  me: 200,
  page: 200,
  asset: 200,
  config: 200,
  create: 201,
  revoke: 200,
}

export const RATE_LIMITED = 429

interface KindLog {
  /** Milliseconds, in the order the requests ended. */
  latencies: number[]
  /** Count by HTTP status; `0` is no response at all. */
  statuses: Map<number, number>
}

/** An error, once per distinct kind, status and message, with how often it happened. */
export interface LoggedError {
  kind: RequestKind
  status: number
  /** The network error, or the start of the body. */
  message: string
  count: number
}

export interface RequestLog {
  record: (kind: RequestKind, answer: Answer) => void
  kinds: () => ReadonlyMap<RequestKind, KindLog>
  errors: () => LoggedError[]
  /** Requests that ended in each whole second since `startedAt` (performance.now() time). */
  perSecond: () => number[]
}

const isError = (kind: RequestKind, status: number): boolean =>
  status !== EXPECTED_STATUS[kind] && status !== RATE_LIMITED

export function requestLog(startedAt: number, now: () => number): RequestLog {
  const kinds = new Map<RequestKind, KindLog>()
  const errors = new Map<string, LoggedError>()
  const perSecond: number[] = []
  return {
    record(kind, answer) {
      let log = kinds.get(kind)
      if (log === undefined) {
        log = { latencies: [], statuses: new Map() }
        kinds.set(kind, log)
      }
      log.latencies.push(answer.ms)
      log.statuses.set(answer.status, (log.statuses.get(answer.status) ?? 0) + 1)
      const second = Math.floor((now() - startedAt) / 1000)
      perSecond[second] = (perSecond[second] ?? 0) + 1
      if (!isError(kind, answer.status)) return
      const message = answer.error ?? answer.body.toString('utf8', 0, 200)
      const key = `${kind} ${answer.status} ${message}`
      const seen = errors.get(key)
      if (seen === undefined) errors.set(key, { kind, status: answer.status, message, count: 1 })
      else seen.count += 1
    },
    kinds: () => kinds,
    errors: () => [...errors.values()],
    perSecond: () => Array.from(perSecond, (count) => count ?? 0),
  }
}
