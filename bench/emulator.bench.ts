// The emulator over real HTTP on 127.0.0.1: in-process, in-memory db, seeded like `--seed N`.
import { PUBLIC_API_BASE, openEmulator } from '../server/emulator/emulator.ts'
import { ACTIVE_TOKEN_CAP } from '../server/emulator/token-limits.ts'
import type {
  WireCreated,
  WireMe,
  WireToken,
  WireTokenList,
} from '../server/emulator/wire-types.ts'
import { startHttpServer } from '../server/start-http-server.ts'
import { measureAsync, type MeasureOptions } from './measure.ts'
import { formatBytes, integer, type Row } from './report.ts'

const SEEDS = [25, 2_000] as const
/** Sequential requests: a fixed count, so each case costs what its latency costs. */
const OPTIONS: MeasureOptions = { warmup: 20, minRuns: 200, maxRuns: 200, minTimeMs: 0 }

interface Client {
  request: (method: string, path: string, json?: unknown) => Promise<Response>
}

function client(url: string, token: string): Client {
  return {
    request: (method, path, json) =>
      fetch(`${url}${PUBLIC_API_BASE}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: json === undefined ? undefined : JSON.stringify(json),
      }),
  }
}

/** Reads the whole body (a request is not done until then) and checks the status. */
async function expectOk(response: Response, status: number, what: string): Promise<ArrayBuffer> {
  const body = await response.arrayBuffer()
  if (response.status !== status) {
    throw new Error(`${what} gave ${response.status}: ${Buffer.from(body).toString('utf8')}`)
  }
  return body
}

/** A body read by `expectOk`, as the wire shape it is documented to have. */
const parseBody = <T>(body: ArrayBuffer): T => JSON.parse(Buffer.from(body).toString('utf8')) as T

async function listTokens(api: Client): Promise<WireToken[]> {
  const body = await expectOk(await api.request('GET', '/tokens'), 200, 'GET /tokens')
  return parseBody<WireTokenList>(body).tokens
}

/**
 * A create needs a free slot under the cap; a large seed fills it, so one seeded token (never the
 * caller's own) is revoked first. Each create+revoke cycle then leaves the count unchanged.
 */
async function freeOneSlot(api: Client): Promise<void> {
  const me = await expectOk(await api.request('GET', '/auth/me'), 200, 'GET /auth/me')
  const callerId = parseBody<WireMe>(me).token.id
  const active = (await listTokens(api)).filter((t) => t.status === 'active')
  if (active.length < ACTIVE_TOKEN_CAP) return
  const victim = active.find((t) => t.id !== callerId)
  if (victim === undefined) throw new Error('no seeded active token to revoke')
  await expectOk(await api.request('DELETE', `/tokens/${victim.id}`), 200, 'DELETE /tokens/{id}')
}

async function benchSeed(seed: number): Promise<Row[]> {
  const emulator = openEmulator({ db: ':memory:', seed })
  const server = await startHttpServer(emulator.fetch, { port: 0, host: '127.0.0.1' })
  try {
    const api = client(server.url, emulator.demoToken)
    // Before any create: each cycle adds a revoked row, which would grow the list being timed.
    let listBytes = 0
    const list = await measureAsync(async () => {
      const body = await expectOk(await api.request('GET', '/tokens'), 200, 'GET /tokens')
      listBytes = body.byteLength
    }, OPTIONS)
    const listed = (await listTokens(api)).length
    const me = await measureAsync(
      async () => expectOk(await api.request('GET', '/auth/me'), 200, 'GET /auth/me'),
      OPTIONS,
    )
    await freeOneSlot(api)
    const cycle = await measureAsync(async () => {
      const created = await expectOk(
        await api.request('POST', '/tokens', { name: 'bench', scopes: ['jobs:read'] }),
        201,
        'POST /tokens',
      )
      const { metadata } = parseBody<WireCreated>(created)
      await expectOk(
        await api.request('DELETE', `/tokens/${metadata.id}`),
        200,
        'DELETE /tokens/{id}',
      )
    }, OPTIONS)
    return [
      {
        case: 'GET /tokens',
        n: seed,
        timing: list,
        note: `${integer.format(listed)} tokens, body ${formatBytes(listBytes)}`,
      },
      { case: 'GET /auth/me', n: seed, timing: me },
      { case: 'POST /tokens + DELETE /tokens/{id}', n: seed, timing: cycle, note: '2 requests' },
    ]
  } finally {
    await server.close()
    emulator.close()
  }
}

export async function benchEmulator(): Promise<Row[]> {
  const rows: Row[] = []
  for (const seed of SEEDS) rows.push(...(await benchSeed(seed)))
  return rows
}
