// What the serve command takes from a client before it answers (issue 19): an anonymous upload is
// refused before it is read, a body is capped at 64 KiB, two Authorization headers are refused,
// and a cut-off upload costs one log line. All over real HTTP, most on a raw socket.
import { connect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  HEADERS_TIMEOUT_MS,
  MAX_CONNECTIONS,
  REQUEST_TIMEOUT_MS,
  startHttpServer,
} from '../start-http-server.ts'
import { parseAnswer, rawRequest, recording, serveOverHttp } from './serve-test-support.ts'

const TOKEN = 'ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF'
const MIB = 1024 * 1024

afterEach(() => {
  vi.restoreAllMocks()
})

/** The `code` of the API error envelope in `body`. */
const codeOf = (body: string): unknown =>
  (JSON.parse(/\{.*\}/s.exec(body)?.[0] ?? '{}') as { code?: unknown }).code

describe('an upload without Authorization', () => {
  it('is answered 401 before its body is finished, and the connection is closed, silently', async () => {
    const logged = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'info').mockImplementation(() => {}),
    ]
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const socket = connect(server.port, '127.0.0.1')
    socket.on('error', () => {}) // writing after the server closed
    let received = ''
    let closed = false
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('close', () => (closed = true))
    // 1 MiB declared, 64 KiB sent, the rest never.
    socket.write(
      [
        'POST /api/public/v1/tokens HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        `Content-Length: ${MIB}`,
        '',
        '',
      ].join('\r\n'),
    )
    socket.write(Buffer.alloc(64 * 1024, 0x20))
    await vi.waitFor(() => expect(closed).toBe(true), { timeout: 3_000 })
    const answer = parseAnswer(received)
    expect(answer.status).toBe(401)
    expect(codeOf(answer.body)).toBe('UNAUTHORIZED')
    expect(answer.head.toLowerCase()).toContain('connection: close')
    expect(seen).toHaveLength(0)
    for (const spy of logged) expect(spy).not.toHaveBeenCalled()
  })
})

describe('request bodies', () => {
  it('refuses a declared body over 64 KiB with 413 in the envelope, without forwarding it', async () => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const body = 'x'.repeat(64 * 1024 + 1)
    const answer = await rawRequest(
      server.port,
      [
        'POST /api/public/v1/tokens HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${TOKEN}`,
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        'Connection: close',
      ],
      body,
    )
    expect(answer.status).toBe(413)
    expect(codeOf(answer.body)).toBe('BAD_REQUEST')
    expect(seen).toHaveLength(0)
  })

  it('stops a chunked body once it passes 64 KiB', async () => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const chunk = 'x'.repeat(16 * 1024)
    const chunked = `${`${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(5)}0\r\n\r\n`
    const answer = await rawRequest(
      server.port,
      [
        'POST /api/public/v1/tokens HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${TOKEN}`,
        'Transfer-Encoding: chunked',
        'Connection: close',
      ],
      chunked,
    )
    expect(answer.status).toBe(413)
    expect(seen).toHaveLength(0)
  })

  it('logs one line, no stack, for an upload cut off halfway', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const socket = connect(server.port, '127.0.0.1')
    socket.on('error', () => {})
    socket.write(
      [
        'POST /api/public/v1/tokens HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${TOKEN}`,
        'Content-Type: application/json',
        'Content-Length: 10000',
        '',
        '{"name":"half',
      ].join('\r\n'),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    socket.destroy()
    await vi.waitFor(() => expect(errors).toHaveBeenCalled())
    await new Promise((resolve) => setTimeout(resolve, 50)) // anything logged after the first
    expect(errors).toHaveBeenCalledTimes(1)
    const logged = errors.mock.calls[0] ?? []
    expect(logged).toHaveLength(1)
    expect(typeof logged[0]).toBe('string')
    expect(String(logged[0])).not.toContain('\n')
    expect(seen).toHaveLength(0)
  })
})

describe('Authorization', () => {
  it('refuses two Authorization headers with 400, sending nothing upstream', async () => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const answer = await rawRequest(server.port, [
      'GET /api/public/v1/tokens HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${TOKEN}`,
      'Authorization: Bearer ot_pat_ffffffffffff_otherotherotherotherotherother12',
      'Connection: close',
    ])
    expect(answer.status).toBe(400)
    expect(codeOf(answer.body)).toBe('BAD_REQUEST')
    expect(answer.body).not.toContain('ot_pat_')
    expect(seen).toHaveLength(0)
  })

  it('forwards a single one as sent', async () => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const answer = await rawRequest(server.port, [
      'GET /api/public/v1/tokens HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${TOKEN}`,
      'Connection: close',
    ])
    expect(answer.status).toBe(200)
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
  })
})

describe('the HTTP server’s bounds', () => {
  it('caps connections, header time and request time', async () => {
    // Figures, not timings: the reasons are at the constants.
    expect(MAX_CONNECTIONS).toBeGreaterThanOrEqual(400) // the load bench's 200 clients, twice
    expect(HEADERS_TIMEOUT_MS).toBe(10_000)
    expect(REQUEST_TIMEOUT_MS).toBe(30_000)
    const started = await startHttpServer(() => new Response('ok'), { port: 0, host: '127.0.0.1' })
    try {
      expect(started.server.maxConnections).toBe(MAX_CONNECTIONS)
      expect(started.server.headersTimeout).toBe(HEADERS_TIMEOUT_MS)
      expect(started.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS)
    } finally {
      await started.close()
    }
  })
})
