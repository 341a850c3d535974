// The load part: the real serve command (`npm start`, embedded emulator) as a child process, 200
// clients on their own keep-alive connections sending the console's requests for 30 s, and the
// serve process's memory before, during and after: its RSS read from outside, and its JS heap after
// a forced GC, which it reports on request (memory-probe.ts). It prints figures and a verdict on
// the heap; nothing is asserted.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { startServe, type ServeInstance } from '../e2e/serve.ts'
import { assetsInHtml } from './bundle-size.ts'
import { driveClients, type LoadTarget } from './load/drive-clients.ts'
import { httpClient } from './load/http-client.ts'
import {
  SETTLED_RATIO,
  heapVerdict,
  summariseLog,
  type LoadMemory,
  type LoadResults,
} from './load/load-summary.ts'
import { MEMORY_PROBE_NODE_ARGS, memoryProbe, type HeapReading } from './load/memory-probe.ts'
import { peakRssBytes, rssBytes, sampleRss, type RssSample } from './load/process-memory.ts'

const CLIENTS = 200
const DURATION_MS = 30_000
/** Untimed: the server's JIT and caches settle, and its pools are sized, before the baseline. */
const WARMUP = { clients: 10, durationMs: 3_000 }
/** Idle between the warm-up and the baseline reading. */
const IDLE_BEFORE_BASELINE_MS = 3_000
const SAMPLE_EVERY_MS = 250
/** After the load: how long the RSS is watched for its way back, and how often. */
const SETTLE_LIMIT_MS = 20_000
const SETTLE_EVERY_MS = 500
/**
 * After the load, the heap is read (after a forced GC) once the RSS watch is over but no earlier
 * than this: what the last requests left in flight (sockets closing, timers) has had time to go.
 */
const HEAP_FIRST_AFTER_MS = 5_000
/**
 * Then once more, this much later: a heap still shrinking (garbage that only goes after several
 * GCs, held through a FinalizationRegistry) or still growing shows between the two.
 */
const HEAP_RECHECK_MS = 5_000
const PAIRS_PER_SECOND = 4

/**
 * The highest value accepted: all 200 clients share the demo token and the limit is per token (D7,
 * D24), so a realistic one would time the cheap 429 path. This one keeps the limiter's bookkeeping
 * in the figures; one token would need 16,667 req/s to meet it.
 */
const RATE_LIMIT_PER_MINUTE = 1_000_000

/**
 * Where the emulator keeps its data: `memory` (default, `--db :memory:`) times the serve command's
 * own work; with `file` (a fresh one, as `npm start` uses) every authenticated request waits for a
 * synchronous `lastUsedAt` write (D17, D23), about 19 ms on the 2-core VM: the disk sets the pace.
 */
export type LoadDb = 'memory' | 'file'
export const LOAD_DBS: readonly LoadDb[] = ['memory', 'file']

/** Reads the served index.html for the paths a page load fetches next. */
async function servedAssets(serve: ServeInstance): Promise<string[]> {
  const http = httpClient(serve.url, 1)
  try {
    const page = await http.send('GET', '/', { accept: 'text/html' })
    if (page.status !== 200) throw new Error(`GET / answered ${page.status}`)
    const assets = assetsInHtml(page.body.toString('utf8')).map((path) => `/${path}`)
    if (assets.length === 0) throw new Error('the served index.html names no /assets/ file')
    return assets
  } finally {
    http.close()
  }
}

/**
 * Watches the RSS after the load until it is back near the baseline or the limit has passed. It
 * triggers nothing (no forced GC, no request): an idle server keeps what its heap held when the
 * load stopped, and that is what a person would see too.
 */
async function watchSettling(
  pid: number,
  baselineBytes: number,
): Promise<{ after: RssSample[]; settledAfterMs: number | null }> {
  const after: RssSample[] = []
  const started = performance.now()
  for (;;) {
    const atMs = Math.round(performance.now() - started)
    const bytes = rssBytes(pid)
    after.push({ atMs, bytes })
    if (bytes <= baselineBytes * SETTLED_RATIO) return { after, settledAfterMs: atMs }
    if (atMs >= SETTLE_LIMIT_MS) return { after, settledAfterMs: null }
    await sleep(SETTLE_EVERY_MS)
  }
}

export async function benchLoad({
  db,
  log,
}: {
  db: LoadDb
  log: (line: string) => void
}): Promise<LoadResults> {
  const dbDir = db === 'file' ? mkdtempSync(join(tmpdir(), 'opentrain-load-')) : undefined
  const args = ['--seed', 'demo', '--rate-limit', String(RATE_LIMIT_PER_MINUTE)]
  const serve = await startServe({
    startTimeoutMs: 120_000,
    db: dbDir === undefined ? ':memory:' : join(dbDir, 'emulator.sqlite'),
    args,
    nodeArgs: MEMORY_PROBE_NODE_ARGS,
  })
  const probe = memoryProbe(serve)
  try {
    const target: LoadTarget = {
      url: serve.url,
      token: serve.demoToken,
      assets: await servedAssets(serve),
    }
    log(`  warm-up: ${WARMUP.clients} clients for ${WARMUP.durationMs / 1000} s…`)
    await driveClients(target, { ...WARMUP, pairsPerSecond: PAIRS_PER_SECOND })
    await sleep(IDLE_BEFORE_BASELINE_MS)
    const baselineBytes = rssBytes(serve.pid)
    // After the RSS reading: the forced GC may give pages back.
    const heapBaseline = await probe()

    log(`  load: ${CLIENTS} clients for ${DURATION_MS / 1000} s…`)
    const sampler = sampleRss(serve.pid, SAMPLE_EVERY_MS)
    const run = await driveClients(target, {
      clients: CLIENTS,
      durationMs: DURATION_MS,
      pairsPerSecond: PAIRS_PER_SECOND,
    })
    const loadEnded = performance.now()
    const during = sampler.stop()
    const highWaterMarkBytes = peakRssBytes(serve.pid)
    log(`  after: watching the RSS for up to ${SETTLE_LIMIT_MS / 1000} s…`)
    const { after, settledAfterMs } = await watchSettling(serve.pid, baselineBytes)

    log('  after: the heap after a forced GC, twice…')
    const sinceLoad = () => Math.round(performance.now() - loadEnded)
    const heapAfter: (HeapReading & { atMs: number })[] = []
    await sleep(Math.max(0, HEAP_FIRST_AFTER_MS - sinceLoad()))
    heapAfter.push({ atMs: sinceLoad(), ...(await probe()) })
    await sleep(HEAP_RECHECK_MS)
    heapAfter.push({ atMs: sinceLoad(), ...(await probe()) })

    const memory: LoadMemory = {
      baselineBytes,
      peakBytes: Math.max(...during.map((sample) => sample.bytes)),
      ...(highWaterMarkBytes === undefined ? {} : { highWaterMarkBytes }),
      afterBytes: after.at(-1)?.bytes ?? Number.NaN,
      settledAfterMs,
      settleLimitMs: SETTLE_LIMIT_MS,
      during,
      after,
      heap: { baseline: heapBaseline, after: heapAfter, ...heapVerdict(heapBaseline, heapAfter) },
    }
    return {
      clients: CLIENTS,
      durationMs: DURATION_MS,
      elapsedMs: Math.round(run.elapsedMs),
      serveArgs: ['--db', dbDir === undefined ? ':memory:' : '<temp file>', ...args],
      pairs: run.pairs,
      reconnections: run.reconnections,
      tokensListedAfter: run.tokensListedAfter,
      ...summariseLog(run.log, run.elapsedMs),
      memory,
    }
  } finally {
    await serve.stop()
    if (dbDir !== undefined) rmSync(dbDir, { recursive: true, force: true })
  }
}
