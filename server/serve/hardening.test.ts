// The serve command under abuse: what the probe found (issue 11), each refused before it costs
// memory, time or trust.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WireError } from '../emulator/wire-types.ts'
import { proxyRequest, UPSTREAM_TIMEOUT_MS } from './proxy.ts'
import { createServeApp } from './serve-app.ts'
import { DEMO_TOKEN, recording } from './serve-test-support.ts'
import { startHttpServer } from '../start-http-server.ts'
import type { Upstream } from './upstream.ts'

const API = 'http://127.0.0.1:8080/api/public/v1'
const CHUNK = 64 * 1024
const AUTH = { Authorization: 'Bearer ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF' }

/** An endless body of 64 KiB chunks that counts how many were pulled from it. */
function endlessBody() {
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull: (controller) => {
      pulled += 1
      controller.enqueue(new Uint8Array(CHUNK))
    },
  })
  return { stream, pulled: () => pulled }
}

/** One request with node's own client, which sends any method (fetch refuses TRACE). */
function send(
  method: string,
  url: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

async function expectEnvelope(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  const body = (await response.json()) as WireError
  expect(body.code).toBe(code)
  expect(body.requestId).toBe(response.headers.get('x-request-id'))
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  vi.restoreAllMocks()
})

function app(upstream: Upstream, allowedHosts: string[] = [], shareDemoToken = false) {
  const dist = mkdtempSync(join(tmpdir(), 'serve-hardening-'))
  dirs.push(dist)
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>')
  return createServeApp({
    distDir: dist,
    upstream,
    config: () => ({ demoToken: DEMO_TOKEN }),
    allowedHosts,
    shareDemoToken,
  })
}

describe('request bodies', () => {
  it('refuses a declared Content-Length over 64 KiB before reading any of it', async () => {
    const { seen, upstream } = recording()
    const body = endlessBody()
    const response = await proxyRequest(
      new Request(`${API}/tokens`, {
        method: 'POST',
        headers: { ...AUTH, 'Content-Length': String(400 * 1024 * 1024) },
        body: body.stream,
        duplex: 'half',
      }),
      upstream,
    )
    await expectEnvelope(response, 413, 'BAD_REQUEST')
    expect(seen).toHaveLength(0)
    // A stream pulls its first chunk as it is built; nothing after that.
    expect(body.pulled()).toBeLessThanOrEqual(1)
  })

  it('stops reading a chunked body at 64 KiB instead of buffering all of it', async () => {
    const { seen, upstream } = recording()
    const body = endlessBody()
    const response = await proxyRequest(
      new Request(`${API}/tokens`, {
        method: 'POST',
        headers: AUTH,
        body: body.stream,
        duplex: 'half',
      }),
      upstream,
    )
    await expectEnvelope(response, 413, 'BAD_REQUEST')
    expect(seen).toHaveLength(0)
    expect(body.pulled() * CHUNK).toBeLessThanOrEqual(64 * 1024 + 3 * CHUNK)
  })
})

describe('a slow or vanished upstream', () => {
  it('gives up well before the console does, with 504 in the envelope, and aborts the upstream call', async () => {
    expect(UPSTREAM_TIMEOUT_MS).toBeLessThan(30_000) // the console's own request timeout
    const { seen, upstream } = recording(() => new Promise(() => {}))
    const response = await proxyRequest(new Request(`${API}/tokens`, { headers: AUTH }), upstream, {
      timeoutMs: 50,
    })
    await expectEnvelope(response, 504, 'INTERNAL_ERROR')
    expect(seen[0]?.signal.aborted).toBe(true)
  })

  it('times out an answer whose body never ends', async () => {
    const { upstream } = recording(() =>
      Promise.resolve(
        new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), {
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    )
    const response = await proxyRequest(new Request(`${API}/tokens`, { headers: AUTH }), upstream, {
      timeoutMs: 50,
    })
    await expectEnvelope(response, 504, 'INTERNAL_ERROR')
  })

  it('aborts the upstream call when the browser’s connection closes, over HTTP', async () => {
    const { seen, upstream } = recording(() => new Promise(() => {}))
    const server = await startHttpServer(app(upstream).fetch, { port: 0, host: '127.0.0.1' })
    try {
      const outgoing = httpRequest(`${server.url}/api/public/v1/tokens`, { headers: AUTH })
      outgoing.on('error', () => {}) // the reset this test causes
      outgoing.end()
      await vi.waitFor(() => expect(seen).toHaveLength(1))
      outgoing.destroy()
      await vi.waitFor(() => expect(seen[0]?.signal.aborted).toBe(true))
    } finally {
      await server.close()
    }
  })

  it('aborts the upstream call when the browser goes away', async () => {
    const { seen, upstream } = recording(
      () => new Promise((_resolve, reject) => seen[0]?.signal.addEventListener('abort', reject)),
    )
    const browser = new AbortController()
    const answered = proxyRequest(
      new Request(`${API}/tokens`, { headers: AUTH, signal: browser.signal }),
      upstream,
    )
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    expect(seen[0]?.signal.aborted).toBe(false)
    browser.abort()
    await answered
    expect(seen[0]?.signal.aborted).toBe(true)
  })
})

describe('what is never forwarded', () => {
  it.each([
    '/api/public/v1/..%2f..%2fadmin',
    '/api/public/v1/tokens/..%2F..%2Fadmin',
    '/api/public/v1/tokens/%2e%2e%5cadmin',
    '/api/public/v1/tokens/tok%00',
  ])('refuses the encoded traversal %s with 404: it is none of the API’s paths', async (path) => {
    const { seen, upstream } = recording()
    const response = await app(upstream).request(`http://127.0.0.1:8080${path}`, {
      headers: AUTH,
    })
    await expectEnvelope(response, 404, 'NOT_FOUND')
    expect(seen).toHaveLength(0)
  })

  it('keeps a plain dot segment out of the API: it never reaches the upstream', async () => {
    const { seen, upstream } = recording()
    const response = await app(upstream).request('http://127.0.0.1:8080/api/public/v1/%2e%2e/x')
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(seen).toHaveLength(0)
  })

  it.each(['TRACE', 'PUT', 'PATCH', 'OPTIONS'])(
    'answers %s over HTTP with 405 and Allow, without calling the upstream or logging',
    async (method) => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      const { seen, upstream } = recording()
      const server = await startHttpServer(app(upstream).fetch, { port: 0, host: '127.0.0.1' })
      try {
        const { status, headers, body } = await send(method, `${server.url}/api/public/v1/tokens`)
        expect(status).toBe(405)
        expect(headers.allow).toBe('GET, HEAD, POST')
        expect(JSON.parse(body)).toMatchObject({ code: 'BAD_REQUEST' })
      } finally {
        await server.close()
      }
      expect(seen).toHaveLength(0)
      expect(errors).not.toHaveBeenCalled()
    },
  )
})

describe('host names', () => {
  it('refuses another name (DNS rebinding): no demo token, no API call', async () => {
    const { seen, upstream } = recording()
    const serve = app(upstream)
    const config = await serve.request('http://attacker.example:8080/console-config.json')
    expect(config.status).toBe(403)
    expect(await config.text()).not.toContain('ot_pat_')
    const api = await serve.request('http://attacker.example:8080/api/public/v1/tokens')
    await expectEnvelope(api, 403, 'FORBIDDEN')
    expect(seen).toHaveLength(0)
  })

  it.each(['localhost:8080', '127.0.0.1:8080', '[::1]:8080', '192.168.1.20', 'tokens.example.org'])(
    'answers %s (localhost, an IP address, or a configured name)',
    async (host) => {
      const serve = app(recording().upstream, ['Tokens.Example.org'], true)
      const response = await serve.request(`http://${host}/console-config.json`)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ demo: true })
    },
  )
})

describe('security headers', () => {
  it('are on proxied answers too: an upstream HTML page cannot run script on this origin', async () => {
    const { upstream } = recording(() =>
      Promise.resolve(
        new Response('<script>alert(document.domain)</script>', {
          headers: { 'Content-Type': 'text/html' },
        }),
      ),
    )
    const serve = app(upstream)
    for (const path of ['/api/public/v1/tokens', '/api/public/v1/nope/..%2fx', '/api/other']) {
      const response = await serve.request(`http://127.0.0.1:8080${path}`)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    }
    const refused = await serve.request('http://attacker.example/')
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'self'")
  })
})
