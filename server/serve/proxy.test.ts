import { describe, expect, it } from 'vitest'
import type { WireError } from '../emulator/wire-types.ts'
import { proxyRequest } from './proxy.ts'
import type { Upstream } from './upstream.ts'

function recordingUpstream(response: Response = Response.json({ ok: true })) {
  const seen: Request[] = []
  const upstream: Upstream = (request) => {
    seen.push(request)
    return Promise.resolve(response)
  }
  return { seen, upstream }
}

describe('proxyRequest', () => {
  it('forwards only Authorization, Content-Type and Accept', async () => {
    const { seen, upstream } = recordingUpstream()
    await proxyRequest(
      new Request('http://console.test/api/public/v1/tokens', {
        method: 'POST',
        headers: {
          Authorization: 'Bearer ot_pat_abc_def',
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Cookie: 'session=1',
          'X-Forwarded-For': '10.0.0.1',
          Origin: 'http://elsewhere.test',
        },
        body: '{"name":"x"}',
      }),
      upstream,
    )
    expect(seen).toHaveLength(1)
    const forwarded = seen[0]
    expect([...(forwarded?.headers.keys() ?? [])].sort()).toEqual([
      'accept',
      'authorization',
      'content-type',
    ])
    expect(forwarded?.method).toBe('POST')
    expect(await forwarded?.text()).toBe('{"name":"x"}')
    expect(forwarded?.url).toBe('http://console.test/api/public/v1/tokens')
  })

  it('passes status, body and the API headers back, and drops cookies', async () => {
    const { upstream } = recordingUpstream(
      new Response('{"error":"slow down"}', {
        status: 429,
        headers: {
          'Content-Type': 'application/json',
          'Retry-After': '12',
          'X-Request-Id': 'req-42',
          'Set-Cookie': 'tracking=1',
        },
      }),
    )
    const response = await proxyRequest(
      new Request('http://console.test/api/public/v1/tokens', {
        headers: { Authorization: 'Bearer ot_pat_abc_def' },
      }),
      upstream,
    )
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('12')
    expect(response.headers.get('x-request-id')).toBe('req-42')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.text()).toBe('{"error":"slow down"}')
  })

  it('answers 502 in the API envelope when the upstream cannot be reached', async () => {
    const upstream: Upstream = () => Promise.reject(new TypeError('fetch failed'))
    const response = await proxyRequest(
      new Request('http://console.test/api/public/v1/tokens', {
        headers: { Authorization: 'Bearer ot_pat_0123456789ab_secretsecretsecret' },
      }),
      upstream,
    )
    expect(response.status).toBe(502)
    const body = (await response.json()) as WireError
    expect(body).toMatchObject({ code: 'INTERNAL_ERROR' })
    expect(body.requestId).toBe(response.headers.get('x-request-id'))
    expect(JSON.stringify(body)).not.toContain('ot_pat_')
  })
})
