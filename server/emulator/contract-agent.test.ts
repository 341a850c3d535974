// Contract tests over real HTTP for RFC 7009 revocation (contract §5.4, D12, D26).
import { describe, expect, it } from 'vitest'
import {
  UUID,
  createToken,
  expectEnvelope,
  listTokens,
  readJson,
  startTestEmulator,
  testClock,
} from './test-support.ts'
import type { WireOAuthError } from './wire-types.ts'

const PATHS = ['/api/agent/oauth/revoke', '/api/agent/identity/revoke']

describe('§5.4 POST /api/agent/oauth/revoke (and the /identity/revoke alias)', () => {
  it.each(PATHS)(
    '%s needs no Authorization header and revokes the presented token',
    async (path) => {
      const t = await startTestEmulator()
      const created = await createToken(t)
      const response = await t.call(path, {
        method: 'POST',
        token: null,
        rawBody: new URLSearchParams({ token: created.token }),
      })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({})
      await expectEnvelope(await t.api('/tokens', { token: created.token }), 401, 'UNAUTHORIZED')
    },
  )

  it('always answers {} 200: unknown, malformed and already revoked tokens alike', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t)
    const send = (token: string) =>
      t.call(PATHS[0] ?? '', {
        method: 'POST',
        token: null,
        rawBody: new URLSearchParams({ token }),
      })
    for (const token of [
      created.token,
      created.token,
      'ot_pat_000000000000_nope',
      'not a token',
      'ot_clm_x',
    ]) {
      const response = await send(token)
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('{}')
    }
  })

  it('keeps the original revokedAt when the token was already revoked by id', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t)
    await t.api(`/tokens/${created.metadata.id}`, { method: 'DELETE' })
    clock.advance(60_000)
    await t.call(PATHS[0] ?? '', {
      method: 'POST',
      token: null,
      rawBody: new URLSearchParams({ token: created.token }),
    })
    const stored = (await listTokens(t)).find((x) => x.id === created.metadata.id)
    expect(stored?.revokedAt).toBe('2026-06-12T10:00:00.000Z')
  })

  it('an Authorization header is neither needed nor used', async () => {
    const t = await startTestEmulator()
    const victim = await createToken(t)
    const response = await t.call(PATHS[0] ?? '', {
      method: 'POST',
      token: victim.token,
      rawBody: new URLSearchParams({ token: 'unknown' }),
    })
    expect(response.status).toBe(200)
    expect((await t.api('/auth/me', { token: victim.token })).status).toBe(200)
  })

  it('a missing token is 400 invalid_request in the OAuth shape', async () => {
    const t = await startTestEmulator()
    const response = await t.call(PATHS[0] ?? '', {
      method: 'POST',
      token: null,
      rawBody: new URLSearchParams(),
    })
    expect(response.status).toBe(400)
    expect(await readJson<unknown>(response)).toEqual({
      error: 'invalid_request',
      error_description: 'token is required',
    })
  })

  it('a non-form body is 400 invalid_request', async () => {
    const t = await startTestEmulator()
    for (const [body, type] of [
      [`token=${t.demoToken}`, 'text/plain'],
      [`{"token":"${t.demoToken}"}`, 'application/json'],
      [`token=${t.demoToken}`, 'multipart/form-data; boundary=x'],
    ]) {
      const response = await t.call(PATHS[0] ?? '', {
        method: 'POST',
        token: null,
        rawBody: body,
        headers: { 'content-type': type ?? '' },
      })
      expect(response.status).toBe(400)
      expect((await readJson<WireOAuthError>(response)).error).toBe('invalid_request')
    }
    expect((await t.api('/auth/me')).status).toBe(200)
  })

  it('a body over 64 KiB is refused in the OAuth shape', async () => {
    const t = await startTestEmulator()
    const response = await t.call(PATHS[0] ?? '', {
      method: 'POST',
      token: null,
      rawBody: `token=${'a'.repeat(70_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(413)
    expect((await readJson<WireOAuthError>(response)).error).toBe('invalid_request')
  })

  it('other methods are 405 with Allow: POST; unknown /api/agent paths are 404 {error: "not_found"}', async () => {
    const t = await startTestEmulator()
    const get = await t.call(PATHS[1] ?? '', { token: null })
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    for (const path of [
      '/api/agent',
      '/api/agent/',
      '/api/agent/identity',
      '/api/agent/oauth/revoke/',
      '/api/agent/x/y',
    ]) {
      const response = await t.call(path, { method: 'POST', token: null })
      expect(response.status, path).toBe(404)
      expect(await response.json()).toEqual({ error: 'not_found' })
      expect(response.headers.get('x-request-id')).toMatch(UUID)
    }
  })
})
