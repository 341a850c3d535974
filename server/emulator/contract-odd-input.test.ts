// Bad input never crashes the emulator: every odd request gets the documented envelope.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createToken,
  expectEnvelope,
  listTokens,
  readJson,
  startTestEmulator,
} from './test-support.ts'
import type { WireCreated, WireError, WireRevoked } from './wire-types.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('odd input', () => {
  it.each([
    ['invalid JSON', '{"name": "x",}'],
    ['truncated JSON', '{"name'],
    ['a JSON string', '"hello"'],
    ['a JSON array', '[{"name":"x"}]'],
    ['wrong types', '{"name": 42, "scopes": "jobs:read"}'],
    ['scopes with non-strings', '{"scopes": ["jobs:read", 7, null]}'],
    ['an object as expiresAt', '{"expiresAt": {"date": "2030-01-01"}}'],
    ['a number as expiresAt', '{"expiresAt": 4102444800000}'],
    ['deep nesting', `${'['.repeat(30_000)}${']'.repeat(30_000)}`],
  ])('%s is 400 BAD_REQUEST', async (_label, rawBody) => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', {
      method: 'POST',
      rawBody,
      headers: { 'content-type': 'application/json' },
    })
    await expectEnvelope(response, 400, 'BAD_REQUEST')
  })

  it('a lone surrogate in a name is 400 (it could not round-trip)', async () => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', {
      method: 'POST',
      rawBody: '{"name": "a\\ud800b"}',
      headers: { 'content-type': 'application/json' },
    })
    expect((await expectEnvelope(response, 400, 'BAD_REQUEST')).details).toEqual({ field: 'name' })
    expect(await listTokens(t)).toHaveLength(1)
  })

  it('invalid UTF-8 is 400', async () => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', {
      method: 'POST',
      rawBody: new Uint8Array([0x7b, 0x22, 0x6e, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
      headers: { 'content-type': 'application/json' },
    })
    await expectEnvelope(response, 400, 'BAD_REQUEST')
  })

  it('a __proto__ key does nothing special', async () => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', {
      method: 'POST',
      rawBody:
        '{"__proto__": {"name": "polluted", "scopes": ["nope"]}, "constructor": {"prototype": {"x": 1}}}',
      headers: { 'content-type': 'application/json' },
    })
    expect(response.status).toBe(201)
    expect((await readJson<WireCreated>(response)).metadata.name).toBe('API token')
    expect(({} as Record<string, unknown>).name).toBeUndefined()
  })

  it('a 1 MB streamed body without Content-Length is 413', async () => {
    const t = await startTestEmulator()
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 1024) return controller.close()
        sent++
        controller.enqueue(new Uint8Array(1024).fill(0x20))
      },
    })
    const response = await fetch(`${t.url}/api/public/v1/tokens`, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.demoToken}` },
      duplex: 'half',
    })
    await expectEnvelope(response, 413, 'BAD_REQUEST')
    expect((await t.api('/auth/me')).status).toBe(200) // still serving
  })

  it('a 5 MB body is 413 and the server keeps serving', async () => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', {
      method: 'POST',
      rawBody: 'x'.repeat(5_000_000),
      headers: { 'content-type': 'application/json' },
    })
    await expectEnvelope(response, 413, 'BAD_REQUEST')
    expect((await listTokens(t)).length).toBe(1)
  })

  it.each([
    ['../', '..%2F'],
    ['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd'],
    ['%00', '%2500'],
    ['a NUL byte', '%00'],
    ['malformed percent-encoding', '%E0%A4%A'],
    ['a lone percent', '%'],
    ['an emoji', encodeURIComponent('🔑')],
    ['SQL', encodeURIComponent("tok_x' OR '1'='1")],
    ['a 10 KB id', 'x'.repeat(10_240)],
  ])('DELETE with an odd id (%s) is a 404 with details.tokenId', async (_label, encoded) => {
    const t = await startTestEmulator()
    const response = await t.api(`/tokens/${encoded}`, { method: 'DELETE' })
    const body = await expectEnvelope(response, 404, 'NOT_FOUND')
    expect(Object.keys(body.details ?? {})).toEqual(['tokenId'])
    expect(typeof body.details?.tokenId).toBe('string')
    expect((await listTokens(t)).every((x) => x.status === 'active')).toBe(true)
  })

  it('DELETE /tokens/{id} echoes the decoded id', async () => {
    const t = await startTestEmulator()
    const response = await t.api(`/tokens/${encodeURIComponent('../weird id')}`, {
      method: 'DELETE',
    })
    expect((await expectEnvelope(response, 404, 'NOT_FOUND')).details).toEqual({
      tokenId: '../weird id',
    })
  })

  it('a dot-segment path that resolves elsewhere is a plain 404', async () => {
    const t = await startTestEmulator()
    await expectEnvelope(
      await t.call('/api/public/v1/tokens/../../agent/oauth/revoke'),
      404,
      'NOT_FOUND',
    )
  })

  it.each([
    ['empty', ''],
    ['scheme only', 'Bearer'],
    ['scheme and spaces', 'Bearer  '],
    ['prefix only', 'Bearer ot_pat_'],
    ['another scheme', 'Token abc'],
    ['8 KB', `Bearer ${'a'.repeat(8000)}`],
    ['latin-1', 'Bearer \u00e9'],
  ])('an odd Authorization header (%s) is 401', async (_label, authorization) => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', { token: null, headers: { authorization } })
    await expectEnvelope(response, 401, 'UNAUTHORIZED')
  })

  it('wrong methods on every known path are 404 envelopes', async () => {
    const t = await startTestEmulator()
    for (const method of ['PUT', 'PATCH', 'OPTIONS', 'PROPFIND', 'MKCOL']) {
      for (const path of ['/tokens', '/tokens/tok_x', '/auth/me']) {
        const response = await t.api(path, { method })
        expect(response.status, `${method} ${path}`).toBe(404)
        expect((await readJson<WireError>(response)).code).toBe('NOT_FOUND')
      }
    }
  })

  it('a body on DELETE /tokens/{id} is ignored', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t)
    const response = await t.api(`/tokens/${created.metadata.id}`, {
      method: 'DELETE',
      rawBody: 'not json at all',
      headers: { 'content-type': 'text/plain' },
    })
    expect(response.status).toBe(200)
    expect((await readJson<WireRevoked>(response)).token).toMatchObject({
      id: created.metadata.id,
      status: 'revoked',
    })
  })

  it('an unexpected exception is a 500 INTERNAL_ERROR envelope without stack or secrets', async () => {
    const t = await startTestEmulator()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    t.emulator.close() // the db is gone: every query now throws
    const response = await t.api('/tokens')
    const body = await expectEnvelope(response, 500, 'INTERNAL_ERROR')
    expect(Object.keys(body).sort()).toEqual(['code', 'error', 'requestId'])
    const text = JSON.stringify(body)
    expect(text).not.toMatch(/at .*\.ts|database|sqlite/i)
    expect(text).not.toContain(t.demoToken)
    expect(logged).toHaveBeenCalled()
    expect(logged.mock.calls.flat().join(' ')).not.toContain(t.demoToken)
    const agent = await t.call('/api/agent/oauth/revoke', {
      method: 'POST',
      token: null,
      rawBody: new URLSearchParams({ token: 'x' }),
    })
    expect(agent.status).toBe(500)
    expect(await agent.json()).toEqual({
      error: 'server_error',
      error_description: 'Unexpected failure.',
    })
  })
})
