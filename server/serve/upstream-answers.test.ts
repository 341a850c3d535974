// What comes back from the upstream is checked before it reaches the browser (issue 19): JSON
// only, at most 32 MiB once decoded, and sandboxed. Over real HTTP, on both sides for the gzip bomb.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { describe, expect, it, onTestFinished } from 'vitest'
import { recording, serveOverHttp } from './serve-test-support.ts'
import { remoteUpstream } from './upstream.ts'

const AUTH = { Authorization: 'Bearer ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF' }
const MIB = 1024 * 1024

/** A real upstream on a free port that answers every request with `body`, gzipped. */
async function gzipUpstream(body: Buffer): Promise<string> {
  const compressed = await promisify(gzip)(body)
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
    response.end(compressed)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('upstream answers', () => {
  it.each(['text/html', 'text/plain', 'application/javascript', null])(
    'refuses an answer of type %s with 502 in the envelope',
    async (type) => {
      const { upstream } = recording(() =>
        Promise.resolve(
          // A string body would be typed text/plain; bytes go untyped.
          new Response(new TextEncoder().encode('<script>alert(document.domain)</script>'), {
            headers: type === null ? {} : { 'Content-Type': type },
          }),
        ),
      )
      const server = await serveOverHttp(upstream)
      const response = await fetch(`${server.url}/api/public/v1/tokens`, { headers: AUTH })
      expect(response.status).toBe(502)
      expect(response.headers.get('content-type')).toContain('application/json')
      const body = await response.text()
      expect(JSON.parse(body)).toMatchObject({ code: 'INTERNAL_ERROR' })
      expect(body).not.toContain('<script>')
    },
  )

  it('passes JSON with a charset, or a +json type, through', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/problem+json']) {
      const { upstream } = recording(() =>
        Promise.resolve(new Response('{"tokens":[]}', { headers: { 'Content-Type': type } })),
      )
      const server = await serveOverHttp(upstream)
      const response = await fetch(`${server.url}/api/public/v1/tokens`, { headers: AUTH })
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('{"tokens":[]}')
    }
  })

  it('sandboxes every API answer: whatever it is, it never runs as a page of this origin', async () => {
    const server = await serveOverHttp(recording().upstream)
    for (const path of ['/api/public/v1/tokens', '/api/public/v1/nope', '/api/other']) {
      const response = await fetch(`${server.url}${path}`, { headers: AUTH })
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy.split(';').map((part) => part.trim())).toContain('sandbox')
      expect(policy).toContain("default-src 'self'")
    }
    const page = await fetch(`${server.url}/`)
    expect(page.headers.get('content-security-policy')).not.toContain('sandbox')
  })

  it('cuts a gzip bomb off at 32 MiB decoded: the browser gets a 502, not the bomb', async () => {
    const base = await gzipUpstream(Buffer.alloc(40 * MIB, 0x20))
    const server = await serveOverHttp(remoteUpstream(base))
    const response = await fetch(`${server.url}/api/public/v1/tokens`, { headers: AUTH })
    const body = await response.arrayBuffer()
    expect(response.status).toBe(502)
    expect(body.byteLength).toBeLessThan(1024)
  }, 20_000) // compressing and inflating 40 MiB takes seconds on a busy 2-core machine

  it('passes a gzipped answer under the cap through, decoded', async () => {
    const json = JSON.stringify({ tokens: [], padding: 'x'.repeat(MIB) })
    const server = await serveOverHttp(remoteUpstream(await gzipUpstream(Buffer.from(json))))
    const response = await fetch(`${server.url}/api/public/v1/tokens`, { headers: AUTH })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(json)
  })
})
