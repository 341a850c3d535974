// D17 and Part 2: a file db keeps every change across restarts, printed tokens included.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openEmulator } from './emulator.ts'
import { SCOPE_CATALOG } from './scopes.ts'
import { createToken, listTokens, me, startTestEmulator, testClock } from './test-support.ts'
import { ACTIVE_TOKEN_CAP } from './token-limits.ts'

const tempDirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-durability-'))
  tempDirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('restart durability (D17)', () => {
  it('creates the parent directory of a db path', () => {
    const db = join(tempDir(), 'nested', 'deeper', 'emulator.sqlite')
    openEmulator({ db, seed: 'empty' }).close()
    expect(existsSync(db)).toBe(true)
  })

  it('a restart loses nothing and keeps both printed tokens', async () => {
    const db = join(tempDir(), 'emulator.sqlite')
    const first = await startTestEmulator({ db, seed: 'demo' })
    const created = await createToken(first, { name: 'survives', scopes: ['jobs:read'] })
    const doomed = await createToken(first, { name: 'revoked before restart' })
    await first.api(`/tokens/${doomed.metadata.id}`, { method: 'DELETE' })
    const before = await listTokens(first)
    const otherBefore = await listTokens(first, first.otherToken)
    await first.stop()

    const second = await startTestEmulator({ db, seed: 'empty' })
    expect(second.demoToken).toBe(first.demoToken)
    expect(second.otherToken).toBe(first.otherToken)
    const after = await listTokens(second)
    const ignoreUse = (rows: typeof before) =>
      rows.map((x) => ({ ...x, lastUsedAt: x.name === 'Demo token' ? null : x.lastUsedAt }))
    expect(ignoreUse(after)).toEqual(ignoreUse(before))
    expect(after.find((x) => x.id === doomed.metadata.id)?.status).toBe('revoked')
    expect((await me(second, created.token)).token.id).toBe(created.metadata.id)
    expect((await second.api('/auth/me', { token: doomed.token })).status).toBe(401)
    expect((await listTokens(second, second.otherToken)).map((x) => x.id)).toEqual(
      otherBefore.map((x) => x.id),
    )
  })

  it('seeds only an empty db', async () => {
    const db = join(tempDir(), 'emulator.sqlite')
    const first = openEmulator({ db, seed: 'empty' })
    first.close()
    const second = await startTestEmulator({ db, seed: 'demo' })
    expect(await listTokens(second)).toHaveLength(1)
  })

  it('a revoked printed token is replaced by a fresh "Demo token" with the full scope set', async () => {
    const db = join(tempDir(), 'emulator.sqlite')
    const first = await startTestEmulator({ db, seed: 'demo' })
    const oldId = (await me(first)).token.id
    await first.api(`/tokens/${oldId}`, { method: 'DELETE' })
    await first.stop()

    const second = await startTestEmulator({ db, seed: 'demo' })
    expect(second.demoToken).not.toBe(first.demoToken)
    expect(second.otherToken).toBe(first.otherToken)
    const fresh = await me(second)
    expect(fresh.token.label).toBe('Demo token')
    expect(fresh.token.scopes).toEqual([...SCOPE_CATALOG])
    const rows = await listTokens(second)
    expect(rows.find((x) => x.id === oldId)?.status).toBe('revoked')
    expect(rows.find((x) => x.id === fresh.token.id)?.status).toBe('active')
    await second.stop()

    const third = openEmulator({ db, seed: 'demo' })
    expect(third.demoToken).toBe(second.demoToken)
    third.close()
  })

  it('a printed token revoked through RFC 7009 is also replaced, for the second account too', async () => {
    const db = join(tempDir(), 'emulator.sqlite')
    const first = await startTestEmulator({ db })
    const otherScopes = (await me(first, first.otherToken)).token.scopes
    await first.call('/api/agent/oauth/revoke', {
      method: 'POST',
      token: null,
      rawBody: new URLSearchParams({ token: first.otherToken }),
    })
    await first.stop()
    const second = await startTestEmulator({ db })
    expect(second.otherToken).not.toBe(first.otherToken)
    expect(second.demoToken).toBe(first.demoToken)
    const who = await me(second, second.otherToken)
    expect(who.token.label).toBe('Demo token')
    expect(who.token.scopes).toEqual(otherScopes)
  })

  it('the fresh printed token is exempt from the active-token cap', async () => {
    const db = join(tempDir(), 'emulator.sqlite')
    const first = await startTestEmulator({ db })
    const spare = await createToken(first)
    // spare + these + the printed token fill the cap
    for (let i = 0; i < ACTIVE_TOKEN_CAP - 2; i++) await createToken(first)
    await first.api(`/tokens/${(await me(first)).token.id}`, {
      method: 'DELETE',
      token: spare.token,
    })
    await createToken(first, {}, spare.token) // back at the cap without the printed token
    await first.stop()

    const second = await startTestEmulator({ db })
    expect((await me(second)).token.label).toBe('Demo token')
    expect((await listTokens(second)).filter((x) => x.status === 'active')).toHaveLength(
      ACTIVE_TOKEN_CAP + 1,
    )
  })

  it('a printed token never expires on its own: years later it is still the same', () => {
    const db = join(tempDir(), 'emulator.sqlite')
    const clock = testClock()
    const first = openEmulator({ db, seed: 'empty', now: clock.now })
    first.close()
    clock.advance(10 * 365 * 86_400_000)
    const second = openEmulator({ db, seed: 'empty', now: clock.now })
    expect(second.demoToken).toBe(first.demoToken)
    second.close()
  })

  it('a printed token that has expired (a hand-edited db) is replaced', async () => {
    const db = join(tempDir(), 'emulator.sqlite')
    const clock = testClock()
    const first = openEmulator({ db, seed: 'empty', now: clock.now })
    first.close()
    const sqlite = new Database(db)
    sqlite
      .prepare(
        "UPDATE tokens SET expires_at = ? WHERE id = (SELECT token_id FROM printed_tokens WHERE role = 'demo')",
      )
      .run(clock.ms() + 1000)
    sqlite.close()
    clock.advance(2000)
    const second = await startTestEmulator({ db, seed: 'empty', now: clock.now })
    expect(second.demoToken).not.toBe(first.demoToken)
    expect(second.otherToken).toBe(first.otherAccountToken)
    const statuses = (await listTokens(second)).map((x) => [x.name, x.status])
    expect(statuses).toEqual([
      ['Demo token', 'active'],
      ['Demo token', 'expired'],
    ])
  })
})
