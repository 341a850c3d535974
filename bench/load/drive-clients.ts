// N clients, each on its own keep-alive connection, each sending one request after another (no
// think time) from the mix until the time is up; requests under way then are let finish.
//
// Every connection is opened before the clock starts. Node's libuv accepts one new connection per
// turn of its event loop (libuv/libuv#3696, "don't accept() connections in a loop"), and a turn
// under load serves every request that is ready: tens of milliseconds to seconds. Clients that
// connected as the timed window opened found the server busy with the first ones and waited their
// turn to be accepted, some for the whole 30 s: they timed the accept queue, and the run had fewer
// than N clients in it.
import { performance } from 'node:perf_hooks'
import { PUBLIC_API_BASE } from '../../server/emulator/emulator.ts'
import type { WireCreated, WireTokenList } from '../../server/emulator/wire-types.ts'
import { httpClient, type HttpClient } from './http-client.ts'
import { drawRead, pairGate, type ReadKind } from './request-mix.ts'
import { requestLog, type RequestLog } from './request-log.ts'

export interface LoadTarget {
  /** `http://127.0.0.1:PORT` */
  url: string
  /** Every client signs in with it, as the console's "Use the demo token" does. */
  token: string
  /** `/assets/…` paths that index.html names. */
  assets: readonly string[]
}

export interface DriveOptions {
  clients: number
  durationMs: number
  /** Create + revoke pairs started per second, across all clients (see pairGate). */
  pairsPerSecond: number
}

export interface DriveResult {
  log: RequestLog
  /** From the first request's start until the last one ended. */
  elapsedMs: number
  pairs: number
  /** Tokens in the demo account's list once the run is over (it grows by one per pair). */
  tokensListedAfter: number
  /** Connections opened in the timed window: 0 unless the server closed some under load. */
  reconnections: number
}

/** What a browser sends for a page or a script: compressed copies (dist/'s .br) are served. */
const STATIC_HEADERS = { accept: '*/*', 'accept-encoding': 'br, gzip' }

function apiHeaders(token: string): Record<string, string> {
  return { accept: 'application/json', authorization: `Bearer ${token}` }
}

async function listTokens(http: HttpClient, token: string): Promise<WireTokenList['tokens']> {
  const answer = await http.send('GET', `${PUBLIC_API_BASE}/tokens`, apiHeaders(token))
  if (answer.status !== 200) {
    throw new Error(`GET /tokens answered ${answer.status}: ${answer.error ?? String(answer.body)}`)
  }
  return (JSON.parse(answer.body.toString('utf8')) as WireTokenList).tokens
}

export async function driveClients(
  target: LoadTarget,
  options: DriveOptions,
): Promise<DriveResult> {
  const http = httpClient(target.url, options.clients)
  try {
    const api = apiHeaders(target.token)
    const active = (await listTokens(http, target.token)).filter((t) => t.status === 'active')
    // One untimed request per client, all at once, so the agent opens a connection for each.
    await Promise.all(
      Array.from({ length: options.clients }, () =>
        http.send('GET', '/console-config.json', STATIC_HEADERS),
      ),
    )
    const gate = pairGate(active.length, options.pairsPerSecond)
    const readPath: Record<ReadKind, () => string> = {
      list: () => `${PUBLIC_API_BASE}/tokens`,
      me: () => `${PUBLIC_API_BASE}/auth/me`,
      page: () => '/',
      asset: () => target.assets[Math.floor(Math.random() * target.assets.length)] ?? '/',
      config: () => '/console-config.json',
    }
    const connectedBefore = http.connectionsOpened()
    const startedAt = performance.now()
    const deadline = startedAt + options.durationMs
    const log = requestLog(startedAt, () => performance.now())

    const read = async (kind: ReadKind) => {
      const isApi = kind === 'list' || kind === 'me'
      log.record(kind, await http.send('GET', readPath[kind](), isApi ? api : STATIC_HEADERS))
    }
    const pair = async (name: string) => {
      const body = JSON.stringify({ name, scopes: ['jobs:read'] })
      const headers = { ...api, 'content-type': 'application/json' }
      const created = await http.send('POST', `${PUBLIC_API_BASE}/tokens`, headers, body)
      log.record('create', created)
      // A refused create (a 429 included) left nothing to revoke.
      if (created.status !== 201) return
      const { id } = (JSON.parse(created.body.toString('utf8')) as WireCreated).metadata
      const path = `${PUBLIC_API_BASE}/tokens/${encodeURIComponent(id)}`
      log.record('revoke', await http.send('DELETE', path, api))
    }
    const client = async (index: number) => {
      let pairs = 0
      while (performance.now() < deadline) {
        if (!gate.tryStart()) {
          await read(drawRead())
          continue
        }
        try {
          await pair(`load client ${index} #${++pairs}`)
        } finally {
          gate.done()
        }
      }
    }
    await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)))
    const elapsedMs = performance.now() - startedAt
    const reconnections = http.connectionsOpened() - connectedBefore
    const tokensListedAfter = (await listTokens(http, target.token)).length
    return { log, elapsedMs, pairs: gate.started(), tokensListedAfter, reconnections }
  } finally {
    http.close()
  }
}
