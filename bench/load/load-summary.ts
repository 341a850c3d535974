// A load run as bench/results.json keeps it (figures, not each request's latency), and as the
// printed table's section.
import { percentile, type Timing } from '../measure.ts'
import {
  formatBytes,
  formatDuration,
  formatTable,
  integer,
  type Row,
  type Section,
} from '../report.ts'
import type { HeapReading } from './memory-probe.ts'
import type { RssSample } from './process-memory.ts'
import { RATE_LIMITED, type LoggedError, type RequestLog } from './request-log.ts'
import { KIND_LABELS, type RequestKind } from './request-mix.ts'

interface LatencySummary {
  /** A request kind's label, or "all requests". */
  kind: string
  requests: number
  /** Requests per second of the run's wall time. */
  perSecond: number
  /** Milliseconds, from the request's start until its body's last byte. */
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
  /** Count by HTTP status ("0": no response). */
  statuses: Record<string, number>
}

/** The serve process's own figures after a forced GC (memory-probe.ts), before and after the load. */
export interface HeapMemory {
  /** Idle, after the warm-up, just after the RSS baseline was read. */
  baseline: HeapReading
  /** After the load and the RSS watch, `atMs` after the load ended, in order. */
  after: (HeapReading & { atMs: number })[]
  /** How far over its baseline heapUsed and external may each be after the load, for a PASS. */
  slackBytes: number
  /** The last reading against the baseline (see heapVerdict): printed and recorded, not asserted. */
  verdict: 'PASS' | 'FAIL'
}

export interface LoadMemory {
  /** RSS, idle, after the warm-up; no GC forced (as every RSS figure here). */
  baselineBytes: number
  /** The largest sample during the load. */
  peakBytes: number
  /**
   * The kernel's high-water mark (VmHWM, Linux only) since the process started: a peak between two
   * samples shows here.
   */
  highWaterMarkBytes?: number
  /** The last sample after the load: back within `SETTLED_RATIO` × baseline, or at the limit. */
  afterBytes: number
  /** When it got back within `SETTLED_RATIO` of the baseline; null: not within `settleLimitMs`. */
  settledAfterMs: number | null
  settleLimitMs: number
  during: RssSample[]
  after: RssSample[]
  /** Absent from results written before the load bench had its memory probe. */
  heap?: HeapMemory
}

export interface LoadResults {
  clients: number
  durationMs: number
  /** Until the last request under way at the deadline had its answer. */
  elapsedMs: number
  /** The serve command's flags beyond `--port 0` (the db path as `<temp file>`). */
  serveArgs: string[]
  pairs: number
  tokensListedAfter: number
  /** Connections the clients had to open again in the timed window (the server closed them). */
  reconnections: number
  overall: LatencySummary
  kinds: LatencySummary[]
  counts: { ok2xx: number; rateLimited: number; errors: number }
  errors: (Omit<LoggedError, 'kind'> & { kind: string })[]
  /** Requests that ended in each second of the run. */
  perSecond: number[]
  memory: LoadMemory
}

/** "Back" means within this ratio of the baseline (the list grew a little during the run). */
export const SETTLED_RATIO = 1.1

/**
 * How far over its baseline heapUsed and external may end (after a forced GC) and count as back: a
 * run leaves about 0.3 MB (compiled code), while 100 to 170 bytes leaked by each of its 30,000 to
 * 50,000 requests would make 5 MB. See README.md, Benchmarks.
 */
const HEAP_SLACK_BYTES = 5_000_000

/** PASS when the last reading's heapUsed and external are within HEAP_SLACK_BYTES of baseline. */
export function heapVerdict(
  baseline: HeapReading,
  after: readonly HeapReading[],
): Pick<HeapMemory, 'slackBytes' | 'verdict'> {
  const last = after.at(-1)
  const back =
    last !== undefined &&
    last.heapUsed <= baseline.heapUsed + HEAP_SLACK_BYTES &&
    last.external <= baseline.external + HEAP_SLACK_BYTES
  return { slackBytes: HEAP_SLACK_BYTES, verdict: back ? 'PASS' : 'FAIL' }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000

function summarise(
  kind: string,
  latencies: readonly number[],
  statuses: ReadonlyMap<number, number>,
  elapsedMs: number,
): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b)
  const total = sorted.reduce((sum, ms) => sum + ms, 0)
  return {
    kind,
    requests: sorted.length,
    perSecond: Math.round((sorted.length / elapsedMs) * 1000 * 10) / 10,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(total / sorted.length),
    statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
  }
}

export function summariseLog(
  log: RequestLog,
  elapsedMs: number,
): Pick<LoadResults, 'overall' | 'kinds' | 'counts' | 'errors' | 'perSecond'> {
  const all: number[] = []
  const allStatuses = new Map<number, number>()
  const kinds: LatencySummary[] = []
  for (const kind of Object.keys(KIND_LABELS) as RequestKind[]) {
    const entry = log.kinds().get(kind)
    if (entry === undefined) continue
    kinds.push(summarise(KIND_LABELS[kind], entry.latencies, entry.statuses, elapsedMs))
    all.push(...entry.latencies)
    for (const [status, count] of entry.statuses) {
      allStatuses.set(status, (allStatuses.get(status) ?? 0) + count)
    }
  }
  const errors = log.errors().map((error) => ({ ...error, kind: KIND_LABELS[error.kind] }))
  const count = (test: (status: number) => boolean) =>
    [...allStatuses].filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0)
  return {
    overall: summarise('all requests', all, allStatuses, elapsedMs),
    kinds,
    counts: {
      ok2xx: count((status) => status >= 200 && status < 300),
      rateLimited: count((status) => status === RATE_LIMITED),
      errors: errors.reduce((sum, error) => sum + error.count, 0),
    },
    errors,
    perSecond: log.perSecond(),
  }
}

function latencyRow(summary: LatencySummary): Row {
  const timing: Timing = {
    runs: summary.requests,
    median: summary.p50,
    p95: summary.p95,
    mean: summary.mean,
  }
  const statuses = Object.entries(summary.statuses)
    .map(([status, n]) => `${status === '0' ? 'no answer' : status} × ${integer.format(n)}`)
    .join(', ')
  return {
    case: summary.kind,
    timing,
    opsPerSecond: summary.perSecond,
    note: `p99 ${formatDuration(summary.p99)}, max ${formatDuration(summary.max)}; ${statuses}`,
  }
}

function memoryRows(memory: LoadMemory): Row[] {
  const mb = formatBytes
  const hwm =
    memory.highWaterMarkBytes === undefined ? '' : `; VmHWM ${mb(memory.highWaterMarkBytes)}`
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s idle`
  const settled =
    memory.settledAfterMs === null
      ? `still over baseline × ${SETTLED_RATIO} after ${seconds(memory.settleLimitMs)}`
      : `within baseline × ${SETTLED_RATIO} after ${seconds(memory.settledAfterMs)}`
  const rise = memory.peakBytes - memory.baselineBytes
  const givenBack = Math.round(((memory.peakBytes - memory.afterBytes) / rise) * 100)
  const share = rise > 0 ? `, ${givenBack}% of the rise given back` : ''
  return [
    {
      case: 'serve RSS, no GC forced: baseline',
      note: `${mb(memory.baselineBytes)} (idle, after the warm-up)`,
    },
    {
      case: 'serve RSS, no GC forced: peak',
      note: `${mb(memory.peakBytes)} (during the load, ${memory.during.length} samples${hwm})`,
    },
    {
      case: 'serve RSS, no GC forced: after the load',
      note: `${mb(memory.afterBytes)} (${settled}${share})`,
    },
    ...(memory.heap === undefined ? [] : heapRows(memory.heap)),
  ]
}

function signedBytes(bytes: number): string {
  return `${bytes < 0 ? '−' : '+'}${formatBytes(Math.abs(bytes))}`
}

function heapRows(heap: HeapMemory): Row[] {
  const mb = formatBytes
  const figures = (reading: HeapReading) =>
    `heapUsed ${mb(reading.heapUsed)} (of ${mb(reading.heapTotal)}), external ` +
    `${mb(reading.external)} (ArrayBuffers ${mb(reading.arrayBuffers)}), RSS ${mb(reading.rss)}`
  const vsBaseline = (reading: HeapReading) =>
    `heapUsed ${signedBytes(reading.heapUsed - heap.baseline.heapUsed)}, external ` +
    `${signedBytes(reading.external - heap.baseline.external)} vs baseline`
  const last = heap.after.at(-1)
  const judged =
    last === undefined
      ? 'no reading after the load'
      : `${vsBaseline(last)} ${(last.atMs / 1000).toFixed(1)} s after the load`
  return [
    {
      case: 'serve after a forced GC: baseline',
      note: `${figures(heap.baseline)} (idle, after the warm-up)`,
    },
    ...heap.after.map((reading) => ({
      case: `serve after a forced GC: ${(reading.atMs / 1000).toFixed(1)} s after the load`,
      note: `${figures(reading)}; ${vsBaseline(reading)}`,
    })),
    {
      case: 'heap back to its baseline?',
      note: `${heap.verdict}: ${judged}; a PASS allows each +${mb(heap.slackBytes)} at most`,
    },
  ]
}

function loadSection(load: LoadResults): Section {
  const { counts } = load
  // Whole seconds of the window only: the last, partial one holds the stragglers.
  const perSecond = load.perSecond.slice(0, Math.floor(load.durationMs / 1000))
  const [slowest, fastest] = [Math.min(...perSecond), Math.max(...perSecond)].map((n) =>
    integer.format(n),
  )
  const spread = perSecond.length > 0 ? `; req/s by second ${slowest}–${fastest}` : ''
  return {
    title:
      `serve command under load: ${load.clients} clients × ${load.durationMs / 1000} s, ` +
      `${load.serveArgs.join(' ')} (runs = requests; ops/s = requests per second of the run)`,
    rows: [
      ...load.kinds.map(latencyRow),
      { ...latencyRow(load.overall), note: `${latencyRow(load.overall).note ?? ''}${spread}` },
      {
        case: 'statuses',
        note:
          `2xx ${integer.format(counts.ok2xx)}, 429 ${integer.format(counts.rateLimited)}, ` +
          `other ${integer.format(counts.errors)}; ${load.pairs} create + revoke pairs, ` +
          `${integer.format(load.tokensListedAfter)} tokens listed after; ` +
          `${load.reconnections} connections reopened`,
      },
      ...memoryRows(load.memory),
    ],
  }
}

/** The table, then every distinct error (there should be none: 429s are not errors). */
export function loadText(load: LoadResults): string {
  const lines = [formatTable([loadSection(load)])]
  if (load.errors.length > 0) {
    lines.push('', `[load: ${integer.format(load.counts.errors)} errors]`)
    for (const error of load.errors) {
      const status = error.status === 0 ? 'no answer' : String(error.status)
      lines.push(`${integer.format(error.count)} × ${error.kind} → ${status}: ${error.message}`)
    }
  }
  return lines.join('\n')
}
