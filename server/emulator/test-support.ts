// Helpers for the emulator's contract tests: a real HTTP server on a free port, a settable clock.
import { onTestFinished } from 'vitest'
import { startHttpServer } from '../start-http-server.ts'
import { PUBLIC_API_BASE, openEmulator, type Emulator, type EmulatorOptions } from './emulator.ts'
import type { WireCreated, WireError, WireMe, WireToken, WireTokenList } from './wire-types.ts'

/** A token record's keys, in the order the API writes them (§2). */
export const RECORD_KEYS = [
  'id',
  'name',
  'preview',
  'scopes',
  'status',
  'organizationId',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'revokedAt',
]
/** An ISO 8601 UTC timestamp with milliseconds, as the emulator writes every date. */
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export interface TestClock {
  now: () => Date
  set: (iso: string) => void
  advance: (ms: number) => void
  ms: () => number
}

export function testClock(startIso = '2026-06-12T10:00:00.000Z'): TestClock {
  let current = Date.parse(startIso)
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = Date.parse(iso)
    },
    advance: (ms) => {
      current += ms
    },
    ms: () => current,
  }
}

interface RequestOptions {
  method?: string
  /** A bearer token; `null` sends no Authorization header. */
  token?: string | null
  /** A JSON value (sent as application/json) unless `rawBody` is given. */
  json?: unknown
  rawBody?: NonNullable<RequestInit['body']>
  headers?: Record<string, string>
}

export interface TestEmulator {
  url: string
  emulator: Emulator
  demoToken: string
  otherToken: string
  /** Calls `PUBLIC_API_BASE + path` with the demo token unless `token` says otherwise. */
  api: (path: string, options?: RequestOptions) => Promise<Response>
  /** Calls an absolute path on the server. */
  call: (path: string, options?: RequestOptions) => Promise<Response>
  stop: () => Promise<void>
}

export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<TestEmulator> {
  const emulator = openEmulator({ db: ':memory:', seed: 'empty', ...options })
  const server = await startHttpServer(emulator.fetch, { port: 0, host: '127.0.0.1' })
  let stopped = false
  const stop = async (): Promise<void> => {
    if (stopped) return
    stopped = true
    await server.close()
    emulator.close()
  }
  onTestFinished(stop)

  const call = (path: string, options: RequestOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...options.headers }
    const token = options.token === undefined ? emulator.demoToken : options.token
    if (token !== null) headers.authorization ??= `Bearer ${token}`
    let body: NonNullable<RequestInit['body']> | undefined = options.rawBody
    if (body === undefined && options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['content-type'] ??= 'application/json'
    }
    return fetch(`${server.url}${path}`, { method: options.method ?? 'GET', headers, body })
  }

  return {
    url: server.url,
    emulator,
    demoToken: emulator.demoToken,
    otherToken: emulator.otherAccountToken,
    api: (path, options) => call(`${PUBLIC_API_BASE}${path}`, options),
    call,
    stop,
  }
}

export async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

export async function listTokens(t: TestEmulator, token?: string): Promise<WireToken[]> {
  const response = await t.api('/tokens', { token })
  if (response.status !== 200) throw new Error(`GET /tokens gave ${response.status}`)
  return (await readJson<WireTokenList>(response)).tokens
}

export async function createToken(
  t: TestEmulator,
  body: unknown = {},
  token?: string,
): Promise<WireCreated> {
  const response = await t.api('/tokens', { method: 'POST', json: body, token })
  if (response.status !== 201) {
    throw new Error(`POST /tokens gave ${response.status}: ${await response.text()}`)
  }
  return readJson<WireCreated>(response)
}

export async function me(t: TestEmulator, token?: string): Promise<WireMe> {
  const response = await t.api('/auth/me', { token })
  if (response.status !== 200) throw new Error(`GET /auth/me gave ${response.status}`)
  return readJson<WireMe>(response)
}

/** Checks the error envelope and that its requestId equals the X-Request-Id header (D8, D25). */
export async function expectEnvelope(
  response: Response,
  status: number,
  code: string,
): Promise<WireError> {
  const body = await readJson<WireError>(response)
  if (response.status !== status || body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${JSON.stringify(body)}`)
  }
  if (typeof body.error !== 'string' || body.error === '')
    throw new Error('envelope without error text')
  if (!UUID.test(body.requestId)) throw new Error(`requestId is not a UUID: ${body.requestId}`)
  if (response.headers.get('x-request-id') !== body.requestId) {
    throw new Error('X-Request-Id header differs from the envelope requestId')
  }
  return body
}
