// Timing for the benchmarks: warm up, take per-call samples with performance.now(), summarise;
// and the median/min/max of repeated runs that may fail (the browser part).
import { performance } from 'node:perf_hooks'

export interface Timing {
  /** Timed calls (warm-up calls excluded). */
  runs: number
  /** Milliseconds per call. */
  median: number
  p95: number
  mean: number
}

export interface MeasureOptions {
  /** Untimed calls first, so the JIT and caches settle. */
  warmup?: number
  /** Timed calls: at least `minRuns`, then more until `minTimeMs` has passed, at most `maxRuns`. */
  minRuns?: number
  maxRuns?: number
  minTimeMs?: number
}

const DEFAULTS: Required<MeasureOptions> = {
  warmup: 20,
  minRuns: 20,
  maxRuns: 5_000,
  minTimeMs: 250,
}

/** Keeps every result reachable, so the engine cannot skip a call whose value looks unused. */
const sink: unknown[] = [undefined]

/** Nearest-rank percentile of ascending `sorted` (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  const total = samples.reduce((sum, value) => sum + value, 0)
  return {
    runs: samples.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: total / samples.length,
  }
}

function enough(samples: number[], started: number, opts: Required<MeasureOptions>): boolean {
  if (samples.length >= opts.maxRuns) return true
  return samples.length >= opts.minRuns && performance.now() - started >= opts.minTimeMs
}

/** Times a synchronous call. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Timing {
  const opts = { ...DEFAULTS, ...options }
  for (let i = 0; i < opts.warmup; i++) sink[0] = fn()
  const samples: number[] = []
  const started = performance.now()
  while (!enough(samples, started, opts)) {
    const t0 = performance.now()
    sink[0] = fn()
    samples.push(performance.now() - t0)
  }
  return summarise(samples)
}

/** Times an asynchronous call, one at a time (never concurrently). */
export async function measureAsync(
  fn: () => Promise<unknown>,
  options: MeasureOptions = {},
): Promise<Timing> {
  const opts = { ...DEFAULTS, ...options }
  for (let i = 0; i < opts.warmup; i++) sink[0] = await fn()
  const samples: number[] = []
  const started = performance.now()
  while (!enough(samples, started, opts)) {
    const t0 = performance.now()
    sink[0] = await fn()
    samples.push(performance.now() - t0)
  }
  return summarise(samples)
}

/** Median (nearest rank), min and max of repeated runs; a failed run is a `null` sample. */
export interface Spread {
  /** Samples in all, failed ones included. */
  runs: number
  failed: number
  /** Failed runs count as slower than any: `Infinity` when half or more failed. */
  median: number
  /** Over the runs that did not fail; NaN when none. */
  min: number
  max: number
}

export function spread(samples: readonly (number | null)[]): Spread {
  const ok = samples.filter((sample): sample is number => sample !== null)
  const sorted = samples.map((sample) => sample ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b)
  return {
    runs: samples.length,
    failed: samples.length - ok.length,
    median: percentile(sorted, 50),
    min: ok.length > 0 ? Math.min(...ok) : Number.NaN,
    max: ok.length > 0 ? Math.max(...ok) : Number.NaN,
  }
}
