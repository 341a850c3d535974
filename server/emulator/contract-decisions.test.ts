// Contract tests over real HTTP, one (or a few) per decision D1-D27 of the contract's Part 1.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openEmulator } from './emulator.ts'
import { SCOPE_CATALOG } from './scopes.ts'
import { openStore } from './store.ts'
import { ACTIVE_TOKEN_CAP } from './token-limits.ts'
import { newTokenRow } from './token-record.ts'
import {
  UUID,
  createToken,
  expectEnvelope,
  listTokens,
  me,
  readJson,
  startTestEmulator,
  testClock,
  type TestEmulator,
} from './test-support.ts'
import type {
  WireCreated,
  WireError,
  WireOAuthError,
  WireRevoked,
  WireToken,
} from './wire-types.ts'

const tempDirs: string[] = []
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-decisions-'))
  tempDirs.push(dir)
  return join(dir, 'emulator.sqlite')
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function revoke(t: TestEmulator, id: string, token?: string): Promise<Response> {
  return t.api(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', token })
}

async function row(t: TestEmulator, id: string, token?: string): Promise<WireToken> {
  const found = (await listTokens(t, token)).find((x) => x.id === id)
  if (found === undefined) throw new Error(`no row ${id}`)
  return found
}

describe('decisions', () => {
  it('D1: a token past expiresAt reads as "expired", computed at read time', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t, { expiresAt: '2026-06-12T10:05:00.000Z' })
    expect((await row(t, created.metadata.id)).status).toBe('active')
    clock.set('2026-06-12T10:04:59.999Z')
    expect((await row(t, created.metadata.id)).status).toBe('active')
    clock.set('2026-06-12T10:05:00.000Z') // expiresAt <= now
    expect((await row(t, created.metadata.id)).status).toBe('expired')
  })

  it('D1: revoked takes precedence over expired', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t, { expiresAt: '2026-06-12T10:05:00.000Z' })
    await revoke(t, created.metadata.id)
    clock.advance(3_600_000)
    expect((await row(t, created.metadata.id)).status).toBe('revoked')
  })

  it('D2: GET /tokens is ordered by createdAt descending, unpaginated', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      clock.advance(1000)
      ids.push((await createToken(t, { name: `t${i}` })).metadata.id)
    }
    const listed = await listTokens(t)
    expect(listed.map((x) => x.id).slice(0, 5)).toEqual([...ids].reverse())
    const times = listed.map((x) => Date.parse(x.createdAt))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('D3: revoking an already revoked token returns 200 and keeps revokedAt', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t)
    const first = await readJson<WireRevoked>(await revoke(t, created.metadata.id))
    clock.advance(60_000)
    const second = await revoke(t, created.metadata.id)
    expect(second.status).toBe(200)
    const again = await readJson<WireRevoked>(second)
    expect(again.token.revokedAt).toBe(first.token.revokedAt)
    expect(again.token.revokedAt).toBe('2026-06-12T10:00:00.000Z')
    expect(again.token.status).toBe('revoked')
  })

  it('D4: revoking an expired token is allowed and it becomes revoked', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t, { expiresAt: '2026-06-12T10:00:01Z' })
    clock.advance(10_000)
    expect((await row(t, created.metadata.id)).status).toBe('expired')
    const response = await revoke(t, created.metadata.id)
    expect(response.status).toBe(200)
    const body = await readJson<WireRevoked>(response)
    expect(body.token).toMatchObject({ status: 'revoked', revokedAt: '2026-06-12T10:00:10.000Z' })
  })

  it('D5: a create past the cap is 409 CONFLICT with details {limit, active}', async () => {
    const t = await startTestEmulator()
    // these and the printed token fill the cap
    for (let i = 0; i < ACTIVE_TOKEN_CAP - 1; i++) await createToken(t, { name: `n${i}` })
    const body = await expectEnvelope(
      await t.api('/tokens', { method: 'POST', json: {} }),
      409,
      'CONFLICT',
    )
    expect(body.details).toEqual({ limit: ACTIVE_TOKEN_CAP, active: ACTIVE_TOKEN_CAP })
    expect((await listTokens(t)).filter((x) => x.status === 'active')).toHaveLength(
      ACTIVE_TOKEN_CAP,
    )
  })

  it('D5: revoked and expired tokens do not count toward the cap', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const first = await createToken(t, { expiresAt: '2026-06-12T10:01:00Z' })
    const others = []
    // first, these and the printed token fill the cap
    for (let i = 0; i < ACTIVE_TOKEN_CAP - 2; i++) others.push(await createToken(t))
    await expectEnvelope(await t.api('/tokens', { method: 'POST', json: {} }), 409, 'CONFLICT')
    clock.advance(120_000) // `first` expires
    await createToken(t)
    await expectEnvelope(await t.api('/tokens', { method: 'POST', json: {} }), 409, 'CONFLICT')
    const revoked = others[0]?.metadata.id ?? ''
    await revoke(t, revoked)
    await createToken(t)
    // The two slots were freed by exactly the token that expired and the one that was revoked.
    const statusById = new Map((await listTokens(t)).map((x) => [x.id, x.status]))
    expect(statusById.get(first.metadata.id)).toBe('expired')
    expect(statusById.get(revoked)).toBe('revoked')
    expect([...statusById.values()].filter((s) => s === 'active')).toHaveLength(ACTIVE_TOKEN_CAP)
  })

  it('D5: the cap is per account', async () => {
    const t = await startTestEmulator()
    // these and the printed token fill the demo account's cap
    for (let i = 0; i < ACTIVE_TOKEN_CAP - 1; i++) await createToken(t)
    const theirs = await t.api('/tokens', {
      method: 'POST',
      json: { name: 'other account' },
      token: t.otherToken,
    })
    expect(theirs.status).toBe(201)
    const theirId = (await readJson<WireCreated>(theirs)).metadata.id
    expect((await listTokens(t, t.otherToken)).map((x) => x.id)).toContain(theirId)
    // Nor did the other account's new token count toward the demo account's cap.
    const full = await expectEnvelope(
      await t.api('/tokens', { method: 'POST', json: {} }),
      409,
      'CONFLICT',
    )
    expect(full.details).toEqual({ limit: ACTIVE_TOKEN_CAP, active: ACTIVE_TOKEN_CAP })
  })

  it('D6: escalation 403 carries details {deniedScopes, grantedScopes}', async () => {
    const t = await startTestEmulator()
    const caller = await createToken(t, { scopes: ['jobs:write', 'team:read'] })
    const response = await t.api('/tokens', {
      method: 'POST',
      json: { scopes: ['jobs:read', 'team:write', 'payments:read'] },
      token: caller.token,
    })
    const body = await expectEnvelope(response, 403, 'FORBIDDEN')
    expect(body.details).toEqual({
      deniedScopes: ['payments:read', 'team:write'],
      grantedScopes: ['jobs:write', 'team:read'],
    })
  })

  it('D7: there is no rate limit by default', async () => {
    const t = await startTestEmulator()
    const statuses = await Promise.all(
      Array.from({ length: 150 }, () => t.api('/auth/me').then((r) => r.status)),
    )
    expect(new Set(statuses)).toEqual(new Set([200]))
  })

  it('D7: --rate-limit N allows N requests per minute per token, then 429 RATE_LIMITED with Retry-After', async () => {
    const clock = testClock('2026-06-12T10:00:15.000Z')
    const t = await startTestEmulator({ now: clock.now, rateLimitPerMinute: 3 })
    for (let i = 0; i < 3; i++) expect((await t.api('/tokens')).status).toBe(200)
    const response = await t.api('/auth/me')
    const body = await expectEnvelope(response, 429, 'RATE_LIMITED')
    expect(response.headers.get('retry-after')).toBe('45')
    expect(body.details).toEqual({ retryAfterSeconds: 45 })
    expect((await t.api('/auth/me', { token: t.otherToken })).status).toBe(200) // per token
  })

  it('D8: every error envelope has a fresh UUID requestId, also in X-Request-Id', async () => {
    const t = await startTestEmulator()
    const responses = [
      await t.api('/tokens', { token: null }),
      await t.api('/nope'),
      await t.api('/tokens', { method: 'POST', json: { scopes: [] } }),
      await revoke(t, 'tok_unknown'),
    ]
    const ids = []
    for (const response of responses) {
      const body = await readJson<WireError>(response)
      expect(body.requestId).toMatch(UUID)
      expect(response.headers.get('x-request-id')).toBe(body.requestId)
      ids.push(body.requestId)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('D9: a successful authenticated call moves lastUsedAt', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t)
    expect(created.metadata.lastUsedAt).toBeNull()
    clock.advance(90_000)
    await me(t, created.token)
    expect((await row(t, created.metadata.id)).lastUsedAt).toBe('2026-06-12T10:01:30.000Z')
  })

  it('D10: ids are tok_ + 20 base32 characters, which need no URL encoding', async () => {
    const t = await startTestEmulator({ seed: 'demo' })
    const created = await createToken(t)
    const ids = (await listTokens(t)).map((x) => x.id)
    expect(ids).toContain(created.metadata.id)
    for (const id of ids) {
      expect(id).toMatch(/^tok_[a-z2-7]{20}$/)
      expect(encodeURIComponent(id)).toBe(id)
    }
    const unencoded = await t.api(`/tokens/${created.metadata.id}`, { method: 'DELETE' })
    expect(unencoded.status).toBe(200)
  })

  it('D11: secret format, preview rule, and only a SHA-256 hash is stored', async () => {
    const db = tempDb()
    const t = await startTestEmulator({ db })
    const created = await createToken(t, { name: 'hash check' })
    expect(created.token).toMatch(/^ot_pat_[0-9a-f]{12}_[0-9A-Za-z]{32}$/)
    expect(created.metadata.preview).toBe(
      `ot_pat_${created.token.slice(7, 11)}********${created.token.slice(-4)}`,
    )
    const sqlite = new Database(db, { readonly: true })
    try {
      const stored = sqlite
        .prepare('SELECT * FROM tokens WHERE id = ?')
        .get(created.metadata.id) as Record<string, unknown>
      expect(stored.secret_hash).toBe(createHash('sha256').update(created.token).digest('hex'))
      const everything = JSON.stringify(sqlite.prepare('SELECT * FROM tokens').all())
      expect(everything).not.toContain(created.token)
      expect(everything).not.toContain(created.token.slice(20)) // the secret part
      const printed = JSON.stringify(sqlite.prepare('SELECT * FROM printed_tokens').all())
      expect(printed).not.toContain(created.token)
    } finally {
      sqlite.close()
    }
  })

  it('D12: both revoke paths revoke; token_type_hint is accepted and ignored', async () => {
    const t = await startTestEmulator()
    for (const path of ['/api/agent/oauth/revoke', '/api/agent/identity/revoke']) {
      const created = await createToken(t)
      const response = await t.call(path, {
        method: 'POST',
        token: null,
        rawBody: new URLSearchParams({ token: created.token, token_type_hint: 'access_token' }),
      })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({})
      await expectEnvelope(await t.api('/auth/me', { token: created.token }), 401, 'UNAUTHORIZED')
      expect((await row(t, created.metadata.id)).status).toBe('revoked')
    }
  })

  it('D13: no CORS on authenticated calls: no Access-Control headers, OPTIONS is a 404', async () => {
    const t = await startTestEmulator()
    const get = await t.api('/tokens', { headers: { origin: 'https://evil.example' } })
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await t.api('/tokens', {
      method: 'OPTIONS',
      token: null,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    })
    await expectEnvelope(preflight, 404, 'NOT_FOUND')
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('D14: an unknown route or method under /api/public/v1 is a 404 NOT_FOUND envelope', async () => {
    const t = await startTestEmulator()
    const cases: [string, string][] = [
      ['GET', '/api/public/v1/jobs'],
      ['GET', '/api/public/v1'],
      ['GET', '/api/public/v1/'],
      ['GET', '/api/public/v1/tokens/'],
      ['GET', '/api/public/v1/tokens/tok_x'],
      ['PUT', '/api/public/v1/tokens'],
      ['PATCH', '/api/public/v1/tokens/tok_x'],
      ['DELETE', '/api/public/v1/tokens'],
      ['POST', '/api/public/v1/auth/me'],
      ['POST', '/api/public/v1/tokens/tok_x/rotate'],
      ['GET', '/api/public/v2/tokens'],
      ['GET', '/'],
    ]
    for (const [method, path] of cases) {
      await expectEnvelope(await t.call(path, { method }), 404, 'NOT_FOUND')
    }
  })

  it('D15: a body of 65,537 bytes is 413 with code BAD_REQUEST; 65,536 bytes is accepted', async () => {
    const t = await startTestEmulator()
    const base = JSON.stringify({ name: 'padded' })
    const exact = base + ' '.repeat(65_536 - base.length)
    const ok = await t.api('/tokens', {
      method: 'POST',
      rawBody: exact,
      headers: { 'content-type': 'application/json' },
    })
    expect(ok.status).toBe(201)
    const tooBig = await t.api('/tokens', {
      method: 'POST',
      rawBody: `${exact} `,
      headers: { 'content-type': 'application/json' },
    })
    await expectEnvelope(tooBig, 413, 'BAD_REQUEST')
  })

  it('D16: another account’s token id is a 404 identical to an unknown id', async () => {
    const t = await startTestEmulator()
    const theirs = await createToken(t, { name: 'theirs' }, t.otherToken)
    const other = await expectEnvelope(await revoke(t, theirs.metadata.id), 404, 'NOT_FOUND')
    const unknown = await expectEnvelope(
      await revoke(t, 'tok_aaaaaaaaaaaaaaaaaaaa'),
      404,
      'NOT_FOUND',
    )
    expect(other.details).toEqual({ tokenId: theirs.metadata.id })
    expect({ ...other, requestId: '', details: {} }).toEqual({
      ...unknown,
      requestId: '',
      details: {},
    })
    expect((await row(t, theirs.metadata.id, t.otherToken)).status).toBe('active')
  })

  it('D16: each account sees only its own tokens', async () => {
    const t = await startTestEmulator({ seed: 'demo' })
    const mine = await listTokens(t)
    const theirs = await listTokens(t, t.otherToken)
    const mineIds = new Set(mine.map((x) => x.id))
    expect(theirs.length).toBeGreaterThan(1)
    expect(theirs.some((x) => mineIds.has(x.id))).toBe(false)
    expect((await me(t, t.otherToken)).token.id).not.toBe((await me(t)).token.id)
  })

  it('D17: a change is committed to the SQLite file before the response is sent', async () => {
    const db = tempDb()
    const clock = testClock()
    const t = await startTestEmulator({ db, now: clock.now })
    const created = await createToken(t, { name: 'durable' })
    const reader = new Database(db, { readonly: true })
    try {
      const read = () =>
        reader
          .prepare('SELECT name, revoked_at FROM tokens WHERE id = ?')
          .get(created.metadata.id) as {
          name: string
          revoked_at: number | null
        }
      expect(read()).toEqual({ name: 'durable', revoked_at: null })
      clock.advance(60_000)
      await revoke(t, created.metadata.id)
      expect(read().revoked_at).toBe(clock.ms())
    } finally {
      reader.close()
    }
  })

  it('D18: unknown paths and methods are 404 whether or not a token is sent', async () => {
    const t = await startTestEmulator()
    for (const token of [null, 'not-a-token', t.demoToken]) {
      await expectEnvelope(await t.api('/nope', { token }), 404, 'NOT_FOUND')
      await expectEnvelope(await t.api('/tokens', { method: 'PUT', token }), 404, 'NOT_FOUND')
    }
  })

  it('D18: the size limit is checked before auth', async () => {
    const t = await startTestEmulator()
    const big = 'x'.repeat(70_000)
    for (const token of [null, 'garbage']) {
      const response = await t.api('/tokens', {
        method: 'POST',
        token,
        rawBody: big,
        headers: { 'content-type': 'application/json' },
      })
      await expectEnvelope(response, 413, 'BAD_REQUEST')
    }
  })

  it('D19: a body must be application/json; an empty body is {}; non-object JSON is 400; null = omitted', async () => {
    const t = await startTestEmulator()
    const post = (rawBody: string, contentType?: string) =>
      t.api('/tokens', {
        method: 'POST',
        rawBody,
        headers: contentType === undefined ? {} : { 'content-type': contentType },
      })
    await expectEnvelope(await post('{"name":"x"}', 'text/plain'), 400, 'BAD_REQUEST')
    await expectEnvelope(
      await post('name=x', 'application/x-www-form-urlencoded'),
      400,
      'BAD_REQUEST',
    )
    expect((await post('')).status).toBe(201)
    expect((await post('', 'text/plain')).status).toBe(201)
    for (const json of ['[]', '"x"', '1', 'null', 'true']) {
      await expectEnvelope(await post(json, 'application/json'), 400, 'BAD_REQUEST')
    }
    const nulls = await post(
      '{"name":null,"scopes":null,"expiresAt":null}',
      'application/json; charset=utf-8',
    )
    expect(nulls.status).toBe(201)
    expect((await readJson<WireCreated>(nulls)).metadata).toMatchObject({
      name: 'API token',
      scopes: [...SCOPE_CATALOG],
      expiresAt: null,
    })
  })

  it('D20: name is trimmed and counted in code points (1-120)', async () => {
    const t = await startTestEmulator()
    expect((await createToken(t, { name: '  CI deploy \n' })).metadata.name).toBe('CI deploy')
    expect((await createToken(t, { name: '🔑'.repeat(120) })).metadata.name).toBe('🔑'.repeat(120))
    for (const name of ['   ', '🔑'.repeat(121)]) {
      await expectEnvelope(
        await t.api('/tokens', { method: 'POST', json: { name } }),
        400,
        'BAD_REQUEST',
      )
    }
  })

  it('D20: a zero-width character is refused, but a joiner an emoji or a script needs is kept', async () => {
    const t = await startTestEmulator()
    const refused = await expectEnvelope(
      await t.api('/tokens', { method: 'POST', json: { name: 'CI\u200Bdeploy' } }),
      400,
      'BAD_REQUEST',
    )
    expect(refused).toMatchObject({ details: { field: 'name' } })
    for (const name of ['👩\u200D💻 laptop', 'کلید می\u200Cخواهم']) {
      expect((await createToken(t, { name })).metadata.name).toBe(name)
    }
  })

  it('D21: scopes must be non-empty; duplicates dropped; catalog order', async () => {
    const t = await startTestEmulator()
    await expectEnvelope(
      await t.api('/tokens', { method: 'POST', json: { scopes: [] } }),
      400,
      'BAD_REQUEST',
    )
    const created = await createToken(t, {
      scopes: ['webhooks:manage', 'jobs:read', 'webhooks:manage', 'team:write'],
    })
    expect(created.metadata.scopes).toEqual(['jobs:read', 'team:write', 'webhooks:manage'])
    expect((await me(t, created.token)).token.scopes).toEqual([
      'jobs:read',
      'team:write',
      'webhooks:manage',
    ])
  })

  it('D22: expiresAt needs a zone, must be in the future, and is returned in UTC ms Z', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const offset = await createToken(t, { expiresAt: '2026-09-01T09:30:00+05:30' })
    expect(offset.metadata.expiresAt).toBe('2026-09-01T04:00:00.000Z')
    expect((await createToken(t, { expiresAt: '3000-01-01T00:00:00Z' })).metadata.expiresAt).toBe(
      '3000-01-01T00:00:00.000Z',
    )
    for (const expiresAt of [
      '2026-09-01',
      '2026-09-01T00:00:00',
      '2026-06-12T10:00:00.000Z',
      '2026-06-12T09:00:00Z',
    ]) {
      await expectEnvelope(
        await t.api('/tokens', { method: 'POST', json: { expiresAt } }),
        400,
        'BAD_REQUEST',
      )
    }
  })

  it('D23: lastUsedAt moves on every authenticated request whatever its status', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const caller = await createToken(t, { scopes: ['jobs:read'] })
    const lastUsed = async () => (await row(t, caller.metadata.id)).lastUsedAt
    const attempts: [string, () => Promise<Response>, number][] = [
      [
        '400',
        () => t.api('/tokens', { method: 'POST', json: { scopes: [] }, token: caller.token }),
        400,
      ],
      [
        '403',
        () =>
          t.api('/tokens', {
            method: 'POST',
            json: { scopes: ['jobs:write'] },
            token: caller.token,
          }),
        403,
      ],
      ['404', () => revoke(t, 'tok_nope', caller.token), 404],
      ['200', () => t.api('/auth/me', { token: caller.token }), 200],
    ]
    for (const [label, attempt, status] of attempts) {
      clock.advance(1000)
      expect((await attempt()).status, label).toBe(status)
      expect(await lastUsed(), label).toBe(new Date(clock.ms()).toISOString())
    }
  })

  it('D23: lastUsedAt does not move on a 401 (expired token)', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const expiring = await createToken(t, { expiresAt: '2026-06-12T10:00:10Z' })
    clock.advance(5_000)
    await me(t, expiring.token)
    clock.advance(10_000)
    await expectEnvelope(await t.api('/auth/me', { token: expiring.token }), 401, 'UNAUTHORIZED')
    expect((await row(t, expiring.metadata.id)).lastUsedAt).toBe('2026-06-12T10:00:05.000Z')
  })

  it('D23: lastUsedAt does not move on a 429 or a 404 for an unknown route', async () => {
    const clock = testClock('2026-06-12T10:00:00.000Z')
    const t = await startTestEmulator({ now: clock.now, rateLimitPerMinute: 2 })
    const caller = await createToken(t, {}, t.otherToken) // counts against the other token's window
    const check = async () =>
      (await listTokens(t, t.otherToken)).find((x) => x.id === caller.metadata.id)?.lastUsedAt ??
      null
    clock.advance(1000)
    expect((await t.api('/auth/me', { token: caller.token })).status).toBe(200) // 1st
    expect((await t.api('/auth/me', { token: caller.token })).status).toBe(200) // 2nd, at 10:00:01
    clock.advance(1000)
    expect((await t.api('/auth/me', { token: caller.token })).status).toBe(429)
    expect((await t.api('/nope', { token: caller.token })).status).toBe(404)
    clock.advance(60_000)
    expect(await check()).toBe('2026-06-12T10:00:01.000Z')
  })

  it('D24: fixed one-minute windows; refused requests do not count', async () => {
    const clock = testClock('2026-06-12T10:00:50.000Z')
    const t = await startTestEmulator({ now: clock.now, rateLimitPerMinute: 2 })
    expect((await t.api('/auth/me')).status).toBe(200)
    expect((await t.api('/auth/me')).status).toBe(200)
    for (let i = 0; i < 5; i++) {
      const refused = await t.api('/auth/me')
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('10')
    }
    clock.set('2026-06-12T10:01:00.000Z') // a new window: the refused ones did not count
    expect((await t.api('/auth/me')).status).toBe(200)
    expect((await t.api('/auth/me')).status).toBe(200)
    const refused = await t.api('/auth/me')
    expect(refused.headers.get('retry-after')).toBe('60')
    clock.set('2026-06-12T10:01:59.500Z')
    expect((await t.api('/auth/me')).headers.get('retry-after')).toBe('1')
  })

  it('D25: X-Request-Id is on every response of every route, success included', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t)
    const responses = [
      await t.api('/tokens'),
      await t.api('/auth/me'),
      await t.api('/tokens', { method: 'POST', json: {} }),
      await revoke(t, created.metadata.id),
      await t.call('/api/agent/oauth/revoke', {
        method: 'POST',
        token: null,
        rawBody: new URLSearchParams({ token: 'x' }),
      }),
      await t.call('/api/agent/oauth/revoke', { method: 'POST', token: null }),
      await t.call('/api/agent/oauth/revoke', { method: 'GET', token: null }),
      await t.call('/api/agent/nope', { token: null }),
      await t.call('/elsewhere', { token: null }),
    ]
    const ids = responses.map((r) => r.headers.get('x-request-id'))
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('D26: the agent revoke edge cases answer in the OAuth shape', async () => {
    const t = await startTestEmulator()
    const post = (
      rawBody?: NonNullable<RequestInit['body']>,
      headers: Record<string, string> = {},
    ) => t.call('/api/agent/oauth/revoke', { method: 'POST', token: null, rawBody, headers })
    for (const response of [
      await post(JSON.stringify({ token: t.demoToken }), { 'content-type': 'application/json' }),
      await post(),
      await post(new URLSearchParams({ token: '' })),
      await post(new URLSearchParams({ token_type_hint: 'access_token' })),
    ]) {
      expect(response.status).toBe(400)
      const body = await readJson<WireOAuthError>(response)
      expect(body.error).toBe('invalid_request')
      expect(body.error_description).toEqual(expect.any(String))
    }
    // The JSON body named the demo token, yet did not revoke it.
    expect((await t.api('/auth/me')).status).toBe(200)
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await t.call('/api/agent/identity/revoke', { method, token: null })
      expect(response.status).toBe(405)
      expect(await readJson<WireOAuthError>(response)).toMatchObject({
        error: 'invalid_request',
      })
    }
    const unknown = await t.call('/api/agent/oauth/token', { method: 'POST', token: null })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ error: 'not_found' })
  })

  it('D27: a new token inherits the caller’s organizationId', async () => {
    const db = tempDb()
    const first = openEmulator({ db, seed: 'empty' })
    const orgToken = (() => {
      const store = openStore(db)
      try {
        const { row: caller, token } = newTokenRow({
          accountId: 'acc_demo',
          name: 'org token',
          scopes: ['jobs:read'],
          organizationId: 'org_5d1c8a',
          createdAt: Date.now() - 1000,
        })
        store.insertToken(caller)
        return token
      } finally {
        store.close()
      }
    })()
    first.close()
    const t = await startTestEmulator({ db })
    const fromOrg = await createToken(t, {}, orgToken)
    expect(fromOrg.metadata.organizationId).toBe('org_5d1c8a')
    expect((await me(t, fromOrg.token)).token.ownerOrganizationId).toBe('org_5d1c8a')
    const personal = await createToken(t)
    expect(personal.metadata.organizationId).toBeNull()
  })

  it('D27: ties in createdAt are ordered by id descending', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    for (let i = 0; i < 8; i++) await createToken(t, { name: `tie ${i}` })
    const tied = (await listTokens(t)).filter((x) => x.createdAt === '2026-06-12T10:00:00.000Z')
    expect(tied.length).toBe(9) // the printed token was minted at the same instant
    const ids = tied.map((x) => x.id)
    expect(ids).toEqual([...ids].sort().reverse())
  })

  it('D27: the stored hash covers the whole token string', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t)
    const [, publicId, secret] = /^ot_pat_([0-9a-f]{12})_(.+)$/.exec(created.token) ?? []
    for (const partial of [
      `ot_pat_${publicId}`,
      secret,
      `${publicId}_${secret}`,
      `ot_pat_${publicId}_`,
    ]) {
      await expectEnvelope(await t.api('/auth/me', { token: partial ?? 'x' }), 401, 'UNAUTHORIZED')
    }
    expect((await t.api('/auth/me', { token: created.token })).status).toBe(200)
  })
})
