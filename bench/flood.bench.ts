// The flood part (issue 19): the real serve command (`npm start`, embedded emulator) as a child
// process, then 600 connections on loopback, each declaring a 1 MiB POST body without an
// Authorization header and sending it as fast as the socket takes it, never the last byte. Its RSS
// is read from outside before, during (with `GET /` timed on a fresh connection every 250 ms) and
// after. Bounded: 600 connections, 15 s. It prints figures and a verdict; nothing is asserted.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { platform } from 'node:os'
import { connect, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { startServe } from '../e2e/serve.ts'
import { percentile } from './measure.ts'
import { peakRssBytes, rssBytes, sampleRss } from './load/process-memory.ts'
import { formatBytes, formatDuration, integer } from './report.ts'

const CONNECTIONS = 600
const BODY_BYTES = 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 0x20)
/** How long the flood lasts at most, from the first connection. */
const DURATION_MS = 15_000
/** Connections opened per turn: a burst of 600 would overflow the listen backlog (511). */
const OPEN_PER_TURN = 50
const PROBE_EVERY_MS = 250
const SAMPLE_EVERY_MS = 100
/** Idle after the flood's sockets are closed, before the last RSS reading. */
const AFTER_MS = 3_000
/** The targets: the flood moves peak RSS by at most this, and `GET /` answers within 1 s. */
const TARGET_RSS_DELTA_BYTES = 100 * 1024 * 1024
const TARGET_PAGE_MS = 1_000

interface PageFigures {
  probes: number
  /** No answer within 10 s, or not a 200. */
  failed: number
  p50: number
  max: number
}

/** The figures of `times` (null: failed). */
function pageFigures(times: readonly (number | null)[]): PageFigures {
  const answered = times.filter((ms) => ms !== null).sort((a, b) => a - b)
  return {
    probes: times.length,
    failed: times.length - answered.length,
    p50: percentile(answered, 50),
    max: answered.at(-1) ?? Number.NaN,
  }
}

export interface FloodResults {
  connections: number
  bodyBytes: number
  durationMs: number
  /** How each flood connection ended: its first status line (`401`), `closed`, or `open`. */
  outcomes: Record<string, number>
  rss: { baselineBytes: number; peakBytes: number; highWaterMarkBytes?: number; afterBytes: number }
  /** `GET /` during the flood: milliseconds to its body's last byte. */
  page: PageFigures
  /** `GET /` for 2 s before it, idle: what the machine gives without the flood. */
  pageIdle: PageFigures
  /** CPU time the serve process used during the flood (Linux only). */
  serveCpuMs?: number
  verdict: 'PASS' | 'FAIL'
}

/**
 * Times `GET /` on a connection of its own every PROBE_EVERY_MS, from a process of its own: the
 * flood's writes keep this one's event loop busy, and would be timed with it. Prints one line per
 * probe, milliseconds to the body's last byte or `null` (no answer within 10 s).
 */
const PROBE_SCRIPT = `
const { request } = require('node:http')
const [url, everyMs] = process.argv.slice(1)
const probe = () => {
  const started = performance.now()
  const done = (ms) => process.stdout.write(JSON.stringify(ms) + '\\n')
  const outgoing = request(url + '/', { agent: false, timeout: 10000 }, (response) => {
    response.resume()
    response.on('end', () => done(response.statusCode === 200 ? performance.now() - started : null))
  })
  outgoing.on('timeout', () => outgoing.destroy())
  outgoing.on('error', () => done(null))
  outgoing.end()
}
probe()
const timer = setInterval(probe, Number(everyMs))
// Its stdin closing stops the probes; the process exits once those in flight have ended.
process.stdin.on('end', () => clearInterval(timer)).resume()
`

/** Starts the probe process; `stop` ends it and returns every probe's time, in flight ones too. */
function probePage(url: string): { stop: () => Promise<(number | null)[]> } {
  const child = spawn(process.execPath, ['-e', PROBE_SCRIPT, url, String(PROBE_EVERY_MS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => (output += chunk))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    stop: async () => {
      child.stdin.end()
      await exited
      return output
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as number | null)
    },
  }
}

/**
 * CPU time the process has used, user and system, in ms (Linux: /proc/<pid>/stat, in clock ticks
 * of 10 ms); undefined elsewhere.
 */
function cpuMs(pid: number): number | undefined {
  if (platform() !== 'linux') return undefined
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** One flood connection: writes while the socket takes it, records how it ended. */
function floodConnection(port: number) {
  let outcome = 'open'
  const socket: Socket = connect(port, '127.0.0.1')
  socket.setEncoding('latin1')
  socket.on('error', () => {})
  socket.once('data', (chunk: string) => {
    outcome = /^HTTP\/1\.1 (\d{3})/.exec(chunk)?.[1] ?? 'other'
  })
  socket.on('close', () => {
    if (outcome === 'open') outcome = 'closed'
  })
  let remaining = BODY_BYTES - 1
  const write = () => {
    while (remaining > 0 && !socket.destroyed) {
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, remaining))
      remaining -= chunk.length
      if (!socket.write(chunk)) return void socket.once('drain', write)
    }
  }
  socket.once('connect', () => {
    const head = [
      'POST /api/public/v1/tokens HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      `Content-Length: ${BODY_BYTES}`,
    ]
    socket.write(`${head.join('\r\n')}\r\n\r\n`)
    write()
  })
  return { socket, outcome: () => outcome }
}

export async function benchFlood({ log }: { log: (line: string) => void }): Promise<FloodResults> {
  const serve = await startServe({ startTimeoutMs: 120_000 })
  const port = Number(new URL(serve.url).port)
  try {
    const idle = probePage(serve.url)
    await sleep(2_000)
    const pageIdle = pageFigures(await idle.stop())
    const baselineBytes = rssBytes(serve.pid)

    log(`  flood: ${CONNECTIONS} connections, ${formatBytes(BODY_BYTES)} bodies, no Authorization…`)
    const sampler = sampleRss(serve.pid, SAMPLE_EVERY_MS)
    const cpuBefore = cpuMs(serve.pid)
    const started = performance.now()
    const flood: ReturnType<typeof floodConnection>[] = []
    const probes = probePage(serve.url)
    while (performance.now() - started < DURATION_MS) {
      for (let i = 0; i < OPEN_PER_TURN && flood.length < CONNECTIONS; i++) {
        flood.push(floodConnection(port))
      }
      const settled = flood.every((connection) => connection.outcome() !== 'open')
      // At least 2 s, so that GET / is timed during the flood.
      if (flood.length === CONNECTIONS && settled && performance.now() - started > 2_000) break
      await sleep(10)
    }
    const pageTimes = await probes.stop()
    const cpuAfter = cpuMs(serve.pid)
    const durationMs = Math.round(performance.now() - started)
    const outcomes: Record<string, number> = {}
    for (const connection of flood) {
      const outcome = connection.outcome()
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
    }
    for (const { socket } of flood) socket.destroy()
    const during = sampler.stop()
    const highWaterMarkBytes = peakRssBytes(serve.pid)
    await sleep(AFTER_MS)
    const afterBytes = rssBytes(serve.pid)

    const page = pageFigures(pageTimes)
    const peakBytes = Math.max(...during.map((sample) => sample.bytes))
    const met =
      Math.max(peakBytes, highWaterMarkBytes ?? 0) - baselineBytes <= TARGET_RSS_DELTA_BYTES &&
      page.failed === 0 &&
      page.max < TARGET_PAGE_MS
    return {
      connections: CONNECTIONS,
      bodyBytes: BODY_BYTES,
      durationMs,
      outcomes,
      rss: {
        baselineBytes,
        peakBytes,
        ...(highWaterMarkBytes === undefined ? {} : { highWaterMarkBytes }),
        afterBytes,
      },
      page,
      pageIdle,
      ...(cpuBefore === undefined || cpuAfter === undefined
        ? {}
        : { serveCpuMs: cpuAfter - cpuBefore }),
      verdict: met ? 'PASS' : 'FAIL',
    }
  } finally {
    await serve.stop()
  }
}

export function floodText(flood: FloodResults): string {
  const { rss, page, pageIdle } = flood
  const outcomes = Object.entries(flood.outcomes)
    .map(([outcome, count]) => `${integer.format(count)} × ${outcome}`)
    .join(', ')
  const peak = Math.max(rss.peakBytes, rss.highWaterMarkBytes ?? 0)
  return [
    `flood: ${integer.format(flood.connections)} connections × ${formatBytes(flood.bodyBytes)} ` +
      `declared, no Authorization, never finished (${formatDuration(flood.durationMs)})`,
    `  how the connections ended: ${outcomes} (open: no answer when the flood stopped)`,
    `  RSS: baseline ${formatBytes(rss.baselineBytes)}, peak ${formatBytes(peak)} ` +
      `(+${formatBytes(peak - rss.baselineBytes)}), 3 s after ${formatBytes(rss.afterBytes)}`,
    `  GET / during it: ${integer.format(page.probes)} probes, ${integer.format(page.failed)} ` +
      `failed, p50 ${formatDuration(page.p50)}, max ${formatDuration(page.max)} (idle before: ` +
      `p50 ${formatDuration(pageIdle.p50)}, max ${formatDuration(pageIdle.max)})`,
    ...(flood.serveCpuMs === undefined
      ? []
      : [`  the serve process's CPU time during it: ${formatDuration(flood.serveCpuMs)}`]),
    `  verdict (peak RSS +100 MiB at most, GET / under 1 s): ${flood.verdict}`,
  ].join('\n')
}
