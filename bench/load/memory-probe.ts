// The serve process's memory as its own V8 sees it after a full GC, on the load bench's request.
// Only the load bench starts the serve command with it (startServe's `nodeArgs`): node's
// --expose-gc and a preloaded module; the app's and server's code know nothing of it. On SIGUSR2
// the module collects garbage, pauses so that FinalizationRegistry callbacks and whatever they let
// go of can run (undici keeps each Request's signal in one), collects again, and prints
// process.memoryUsage() as one line on stdout. RSS alone cannot say whether memory came back: V8
// collects when the program allocates, so an idle server keeps its heap as the load left it, and
// pages freed are not all given back to the system.
import { setTimeout as sleep } from 'node:timers/promises'
import type { ServeInstance } from '../../e2e/serve.ts'

const SIGNAL = 'SIGUSR2'
const PREFIX = '[load-bench memory probe] '
const PAUSE_BETWEEN_GCS_MS = 100
const REPLY_TIMEOUT_MS = 10_000
const POLL_EVERY_MS = 20

/** Installed before the serve command's own code runs: a handler for SIGUSR2, nothing else. */
const PRELOAD = `let probes = 0
process.on('${SIGNAL}', () => {
  const probe = ++probes
  globalThis.gc()
  setTimeout(() => {
    globalThis.gc()
    process.stdout.write('${PREFIX}' + JSON.stringify({ probe, ...process.memoryUsage() }) + '\\n')
  }, ${PAUSE_BETWEEN_GCS_MS})
})`

/** For startServe's `nodeArgs`. */
export const MEMORY_PROBE_NODE_ARGS: readonly string[] = [
  '--expose-gc',
  '--import',
  `data:text/javascript,${encodeURIComponent(PRELOAD)}`,
]

/** process.memoryUsage() in the serve process right after its forced GCs, bytes. */
export interface HeapReading {
  /** Live JS objects. */
  heapUsed: number
  /** What V8 has reserved for the JS heap. */
  heapTotal: number
  /** Memory outside the JS heap that JS objects hold (Buffers and other ArrayBuffers included). */
  external: number
  /** The ArrayBuffers' share of `external`. */
  arrayBuffers: number
  rss: number
}

const FIELDS = ['heapUsed', 'heapTotal', 'external', 'arrayBuffers', 'rss'] as const

type Reply = HeapReading & { probe: number }

/** A reply line's figures; undefined when one is missing or not a number. */
function parseReply(line: string): Reply | undefined {
  const reply = JSON.parse(line.slice(PREFIX.length)) as Partial<Record<keyof Reply, unknown>>
  const keys = ['probe', ...FIELDS] as const
  return keys.every((key) => typeof reply[key] === 'number') ? (reply as Reply) : undefined
}

/**
 * Returns a function that asks the serve command (started with MEMORY_PROBE_NODE_ARGS) for its
 * memory after a forced GC, and resolves with the reply. One probe at a time.
 */
export function memoryProbe(serve: ServeInstance): () => Promise<HeapReading> {
  let sent = 0
  return async () => {
    const probe = ++sent
    process.kill(serve.pid, SIGNAL)
    const deadline = Date.now() + REPLY_TIMEOUT_MS
    for (;;) {
      // Whole lines only: the last piece may be a line still being written.
      const reply = serve
        .output()
        .stdout.split('\n')
        .slice(0, -1)
        .filter((line) => line.startsWith(PREFIX))
        .map(parseReply)
        .find((reading) => reading?.probe === probe)
      if (reply !== undefined) {
        const { heapUsed, heapTotal, external, arrayBuffers, rss } = reply
        return { heapUsed, heapTotal, external, arrayBuffers, rss }
      }
      if (Date.now() > deadline) {
        throw new Error(
          `the serve command sent no memory reading ${REPLY_TIMEOUT_MS} ms after ${SIGNAL}`,
        )
      }
      await sleep(POLL_EVERY_MS)
    }
  }
}
