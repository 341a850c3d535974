// Contract tests over real HTTP for the documented rules (contract Part 3, §1-§8).
import { describe, expect, it } from 'vitest'
import { SCOPE_CATALOG } from './scopes.ts'
import {
  createToken,
  expectEnvelope,
  listTokens,
  me,
  readJson,
  ISO_MS,
  RECORD_KEYS,
  startTestEmulator,
  testClock,
} from './test-support.ts'
import type { WireRevoked, WireToken } from './wire-types.ts'

function expectRecordShape(record: WireToken): void {
  expect(Object.keys(record)).toEqual(RECORD_KEYS)
  expect(ISO_MS.test(record.createdAt)).toBe(true)
  for (const key of ['lastUsedAt', 'expiresAt', 'revokedAt'] as const) {
    const value = record[key]
    if (value !== null) expect(value).toMatch(ISO_MS)
  }
}

describe('§1 token format and bearer authentication', () => {
  it('accepts Authorization: Bearer ot_pat_… with the scheme in any case', async () => {
    const t = await startTestEmulator()
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      const response = await t.api('/auth/me', {
        token: null,
        headers: { authorization: `${scheme} ${t.demoToken}` },
      })
      expect(response.status).toBe(200)
    }
  })

  it('the printed tokens have the documented format', async () => {
    const t = await startTestEmulator()
    expect(t.demoToken).toMatch(/^ot_pat_[0-9a-f]{12}_[0-9A-Za-z]{32}$/)
    expect(t.otherToken).toMatch(/^ot_pat_[0-9a-f]{12}_[0-9A-Za-z]{32}$/)
  })

  it('a missing Authorization header is 401 UNAUTHORIZED without details', async () => {
    const t = await startTestEmulator()
    for (const path of ['/tokens', '/auth/me']) {
      const body = await expectEnvelope(await t.api(path, { token: null }), 401, 'UNAUTHORIZED')
      expect(body).not.toHaveProperty('details')
    }
  })

  it('another scheme, a bare token or an unknown token is 401', async () => {
    const t = await startTestEmulator()
    const headers = [
      `Basic ${Buffer.from(`x:${t.demoToken}`).toString('base64')}`,
      t.demoToken,
      'Bearer ot_pat_000000000000_00000000000000000000000000000000',
      `Bearer ${t.demoToken}x`,
      `Bearer ${t.demoToken.toUpperCase()}`,
    ]
    for (const authorization of headers) {
      await expectEnvelope(
        await t.api('/tokens', { token: null, headers: { authorization } }),
        401,
        'UNAUTHORIZED',
      )
    }
  })

  it('no query-parameter or cookie authentication', async () => {
    const t = await startTestEmulator()
    const query = await t.api(`/tokens?access_token=${t.demoToken}`, { token: null })
    await expectEnvelope(query, 401, 'UNAUTHORIZED')
    const cookie = await t.api('/tokens', {
      token: null,
      headers: { cookie: `token=${t.demoToken}` },
    })
    await expectEnvelope(cookie, 401, 'UNAUTHORIZED')
  })

  it('the plaintext is shown once: only in the POST /tokens response', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t, { name: 'once' })
    expect(created.metadata.preview).toBe(
      `ot_pat_${created.token.slice(7, 11)}********${created.token.slice(-4)}`,
    )
    const listText = await (await t.api('/tokens')).text()
    expect(listText).not.toContain(created.token)
    expect(listText).not.toContain(created.token.slice(20))
    expect(listText).not.toContain(t.demoToken)
  })
})

describe('§2 token record', () => {
  it('has exactly the documented fields, ISO-8601 ms Z times', async () => {
    const t = await startTestEmulator({ seed: 'demo' })
    const tokens = await listTokens(t)
    expect(tokens.length).toBeGreaterThan(10)
    for (const record of tokens) expectRecordShape(record)
    const created = await createToken(t)
    expectRecordShape(created.metadata)
  })
})

describe('§3.1 GET /tokens', () => {
  it('returns every token of the account: active, expired and revoked, no secrets', async () => {
    const t = await startTestEmulator({ seed: 'demo' })
    const tokens = await listTokens(t)
    expect(new Set(tokens.map((x) => x.status))).toEqual(new Set(['active', 'expired', 'revoked']))
    const body = JSON.stringify(tokens)
    expect(body).not.toMatch(/ot_pat_[0-9a-f]{12}_/)
  })

  it('is not paginated and takes no parameters', async () => {
    const t = await startTestEmulator({ seed: 40 })
    const response = await t.api('/tokens?limit=2&cursor=abc')
    const body = await readJson<Record<string, unknown>>(response)
    expect(Object.keys(body)).toEqual(['tokens'])
    expect(body.tokens).toHaveLength(41)
  })
})

describe('§3.2 POST /tokens', () => {
  it('an empty body mints "API token" with the caller scopes and no expiry: 201 {token, tokenType, metadata}', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const response = await t.api('/tokens', { method: 'POST', rawBody: '' })
    expect(response.status).toBe(201)
    const body = await readJson<Record<string, unknown>>(response)
    expect(Object.keys(body)).toEqual(['token', 'tokenType', 'metadata'])
    expect(body.tokenType).toBe('bearer')
    expect(body.token).toMatch(/^ot_pat_[0-9a-f]{12}_[0-9A-Za-z]{32}$/)
    expect(body.metadata).toMatchObject({
      name: 'API token',
      scopes: [...SCOPE_CATALOG],
      status: 'active',
      organizationId: null,
      createdAt: '2026-06-12T10:00:00.000Z',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    })
  })

  it('the new token authenticates and lists the new row', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t, {
      name: 'Read-only reporting',
      scopes: ['jobs:read', 'proposals:read'],
    })
    const who = await me(t, created.token)
    expect(who.token).toEqual({
      id: created.metadata.id,
      label: 'Read-only reporting',
      scopes: ['jobs:read', 'proposals:read'],
      ownerOrganizationId: null,
    })
    expect((await listTokens(t)).map((x) => x.id)).toContain(created.metadata.id)
  })

  it('defaults scopes to the calling token’s scopes', async () => {
    const t = await startTestEmulator()
    const narrow = await createToken(t, { scopes: ['team:read', 'jobs:write'] })
    const child = await createToken(t, {}, narrow.token)
    expect(child.metadata.scopes).toEqual(['jobs:write', 'team:read'])
  })

  it('X:write covers X:read when minting', async () => {
    const t = await startTestEmulator()
    const writer = await createToken(t, { scopes: ['jobs:write'] })
    const reader = await createToken(t, { scopes: ['jobs:read'] }, writer.token)
    expect(reader.metadata.scopes).toEqual(['jobs:read'])
  })

  it('a scope the caller does not cover is 403 FORBIDDEN (no escalation)', async () => {
    const t = await startTestEmulator()
    const reader = await createToken(t, { scopes: ['jobs:read', 'webhooks:manage'] })
    for (const scope of ['jobs:write', 'proposals:read', 'team:read']) {
      const response = await t.api('/tokens', {
        method: 'POST',
        json: { scopes: [scope] },
        token: reader.token,
      })
      await expectEnvelope(response, 403, 'FORBIDDEN')
    }
  })

  it('an unknown scope is 400 with details.unknownScopes and details.supportedScopes', async () => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', {
      method: 'POST',
      json: { scopes: ['jobs:read', 'jobs:delete'] },
    })
    const body = await expectEnvelope(response, 400, 'BAD_REQUEST')
    expect(body.details).toEqual({
      unknownScopes: ['jobs:delete'],
      supportedScopes: [...SCOPE_CATALOG],
    })
  })

  it.each([
    ['an empty name', { name: '' }],
    ['a name over 120 characters', { name: 'x'.repeat(121) }],
    ['scopes that are not a string array', { scopes: 'jobs:read' }],
    ['an invalid expiresAt', { expiresAt: 'next week' }],
    ['a past expiresAt', { expiresAt: '2001-01-01T00:00:00Z' }],
  ])('%s is 400 BAD_REQUEST', async (_label, json) => {
    const t = await startTestEmulator()
    await expectEnvelope(await t.api('/tokens', { method: 'POST', json }), 400, 'BAD_REQUEST')
  })

  it('a body that is not valid JSON is 400', async () => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', {
      method: 'POST',
      rawBody: '{"name": ',
      headers: { 'content-type': 'application/json' },
    })
    await expectEnvelope(response, 400, 'BAD_REQUEST')
  })

  it('validates in order: name, then scopes, then expiresAt, then escalation', async () => {
    const t = await startTestEmulator()
    const reader = await createToken(t, { scopes: ['jobs:read'] })
    const post = (json: unknown) => t.api('/tokens', { method: 'POST', json, token: reader.token })
    const nameFirst = await expectEnvelope(
      await post({ name: ' ', scopes: ['x'], expiresAt: 'x' }),
      400,
      'BAD_REQUEST',
    )
    expect(nameFirst.details).toEqual({ field: 'name' })
    const scopesNext = await expectEnvelope(
      await post({ scopes: ['x'], expiresAt: 'x' }),
      400,
      'BAD_REQUEST',
    )
    expect(scopesNext.details).toHaveProperty('unknownScopes', ['x'])
    const expiryNext = await expectEnvelope(
      await post({ scopes: ['team:write'], expiresAt: 'x' }),
      400,
      'BAD_REQUEST',
    )
    expect(expiryNext.details).toEqual({ field: 'expiresAt' })
    await expectEnvelope(await post({ scopes: ['team:write'] }), 403, 'FORBIDDEN')
  })

  it('needs no scope: a webhooks:manage-only token can list, create and revoke', async () => {
    const t = await startTestEmulator()
    const narrow = await createToken(t, { scopes: ['webhooks:manage'] })
    expect((await t.api('/tokens', { token: narrow.token })).status).toBe(200)
    const child = await createToken(t, {}, narrow.token)
    expect(
      (await t.api(`/tokens/${child.metadata.id}`, { method: 'DELETE', token: narrow.token }))
        .status,
    ).toBe(200)
  })
})

describe('§3.3 DELETE /tokens/{tokenId}', () => {
  it('returns 200 {token} with status revoked and revokedAt set', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t, { name: 'Old CI token' })
    clock.advance(60_000)
    const response = await t.api(`/tokens/${created.metadata.id}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    const body = await readJson<WireRevoked>(response)
    expect(Object.keys(body)).toEqual(['token'])
    expectRecordShape(body.token)
    expect(body.token).toMatchObject({
      id: created.metadata.id,
      name: 'Old CI token',
      status: 'revoked',
      revokedAt: '2026-06-12T10:01:00.000Z',
    })
  })

  it('the revoked token stops authenticating at once', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t)
    expect((await t.api('/auth/me', { token: created.token })).status).toBe(200)
    await t.api(`/tokens/${created.metadata.id}`, { method: 'DELETE' })
    await expectEnvelope(await t.api('/auth/me', { token: created.token }), 401, 'UNAUTHORIZED')
    await expectEnvelope(await t.api('/tokens', { token: created.token }), 401, 'UNAUTHORIZED')
  })

  it('revoking the token you call with is allowed; later calls with it fail', async () => {
    const t = await startTestEmulator()
    const self = await createToken(t)
    const response = await t.api(`/tokens/${self.metadata.id}`, {
      method: 'DELETE',
      token: self.token,
    })
    expect(response.status).toBe(200)
    expect((await readJson<WireRevoked>(response)).token.status).toBe('revoked')
    await expectEnvelope(await t.api('/tokens', { token: self.token }), 401, 'UNAUTHORIZED')
  })

  it('an unknown id is 404 NOT_FOUND with details.tokenId', async () => {
    const t = await startTestEmulator()
    const body = await expectEnvelope(
      await t.api('/tokens/tok_doesnotexist0000000', { method: 'DELETE' }),
      404,
      'NOT_FOUND',
    )
    expect(body.details).toEqual({ tokenId: 'tok_doesnotexist0000000' })
  })

  it('needs a valid token', async () => {
    const t = await startTestEmulator()
    const created = await createToken(t)
    await expectEnvelope(
      await t.api(`/tokens/${created.metadata.id}`, { method: 'DELETE', token: null }),
      401,
      'UNAUTHORIZED',
    )
    expect((await listTokens(t)).find((x) => x.id === created.metadata.id)?.status).toBe('active')
  })
})

describe('§4 GET /auth/me', () => {
  it('returns actor, token and account; token.id is the calling token’s row', async () => {
    const t = await startTestEmulator({ seed: 'demo' })
    const who = await me(t)
    expect(who.actor.userId).toMatch(/^usr_/)
    expect(who.account.organizationId).toMatch(/^org_/)
    expect(who.actor).toEqual({
      userId: who.actor.userId,
      email: 'owner@example.com',
      firstName: 'Mira',
      lastName: 'Chen',
      fullName: 'Mira Chen',
      userType: 'EMPLOYER',
    })
    expect(who.account).toEqual({
      kind: 'employer_organization',
      organizationId: who.account.organizationId,
      ownerUserId: who.actor.userId,
      memberRole: 'OWNER',
    })
    expect(Object.keys(who.token)).toEqual(['id', 'label', 'scopes', 'ownerOrganizationId'])
    const row = (await listTokens(t)).find((x) => x.id === who.token.id)
    expect(row).toBeDefined()
    expect(who.token.label).toBe(row?.name)
    expect(who.token.scopes).toEqual(row?.scopes)
    expect(who.token.ownerOrganizationId).toBe(row?.organizationId)
    expect(who.token.scopes).toEqual([...SCOPE_CATALOG])
  })

  it('identifies the second account for its token', async () => {
    const t = await startTestEmulator()
    const who = await me(t, t.otherToken)
    expect(who.actor.email).not.toBe('owner@example.com')
    expect(who.account.organizationId).not.toBe((await me(t)).account.organizationId)
  })

  it('§4.1 an expired token is 401 on every endpoint', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const created = await createToken(t, { expiresAt: '2026-06-12T11:00:00Z' })
    expect((await t.api('/auth/me', { token: created.token })).status).toBe(200)
    clock.set('2026-06-12T11:00:00.000Z')
    await expectEnvelope(await t.api('/auth/me', { token: created.token }), 401, 'UNAUTHORIZED')
    await expectEnvelope(await t.api('/tokens', { token: created.token }), 401, 'UNAUTHORIZED')
    await expectEnvelope(
      await t.api('/tokens', { method: 'POST', json: {}, token: created.token }),
      401,
      'UNAUTHORIZED',
    )
  })

  it('§4.1 one generic 401 for unknown, expired and revoked tokens', async () => {
    const clock = testClock()
    const t = await startTestEmulator({ now: clock.now })
    const expiring = await createToken(t, { expiresAt: '2026-06-12T10:00:01Z' })
    const revoked = await createToken(t)
    await t.api(`/tokens/${revoked.metadata.id}`, { method: 'DELETE' })
    clock.advance(5_000)
    const messages = new Set<string>()
    for (const token of [
      expiring.token,
      revoked.token,
      'ot_pat_ffffffffffff_ffffffffffffffffffffffffffffffff',
    ]) {
      const body = await expectEnvelope(await t.api('/auth/me', { token }), 401, 'UNAUTHORIZED')
      messages.add(body.error)
    }
    expect(messages.size).toBe(1)
  })
})

describe('§6 error envelope', () => {
  it('every /v1 error is {error, code, requestId, details?} with a fresh UUID requestId', async () => {
    const t = await startTestEmulator()
    const ids = new Set<string>()
    for (let i = 0; i < 5; i++) {
      const body = await expectEnvelope(
        await t.api('/tokens', { token: null }),
        401,
        'UNAUTHORIZED',
      )
      expect(Object.keys(body).sort()).toEqual(['code', 'error', 'requestId'])
      ids.add(body.requestId)
    }
    expect(ids.size).toBe(5)
  })

  it('errors are JSON', async () => {
    const t = await startTestEmulator()
    const response = await t.api('/tokens', { token: null })
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  })
})

describe('§8 scopes', () => {
  it('the catalog has 11 scopes and the demo token holds all of them', async () => {
    const t = await startTestEmulator()
    expect((await me(t)).token.scopes).toHaveLength(11)
  })

  it('webhooks:manage covers only itself', async () => {
    const t = await startTestEmulator()
    const hooks = await createToken(t, { scopes: ['webhooks:manage'] })
    const body = await expectEnvelope(
      await t.api('/tokens', {
        method: 'POST',
        json: { scopes: ['jobs:read', 'webhooks:manage'] },
        token: hooks.token,
      }),
      403,
      'FORBIDDEN',
    )
    expect(body.details).toEqual({
      deniedScopes: ['jobs:read'],
      grantedScopes: ['webhooks:manage'],
    })
  })
})
