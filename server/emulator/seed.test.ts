import { describe, expect, it } from 'vitest'
import { SCOPE_CATALOG } from './scopes.ts'
import {
  EMOJI_RTL_NAME,
  HTML_NAME,
  LONG_NAME,
  demoAccountTokens,
  otherAccountTokens,
  scaleTokens,
  seededRandom,
  type SeedToken,
} from './seed.ts'
import { ACTIVE_TOKEN_CAP } from './token-limits.ts'
import { tokenStatus } from './token-status.ts'

const DAY = 86_400_000
const status = (t: SeedToken) => tokenStatus(t, 0)

describe('demo seed', () => {
  const tokens = demoAccountTokens()

  it('holds about a dozen tokens', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(10)
    expect(tokens.length).toBeLessThanOrEqual(15)
  })

  it('exercises every state the console must show', () => {
    const active = tokens.filter((t) => status(t) === 'active')
    expect(active.some((t) => t.lastUsedAt !== null && t.lastUsedAt > -DAY)).toBe(true) // used today
    expect(active.some((t) => t.lastUsedAt === null && t.createdAt <= -30 * DAY)).toBe(true) // never used
    expect(active.some((t) => t.lastUsedAt !== null && t.lastUsedAt <= -200 * DAY)).toBe(true) // stale
    expect(
      active.some((t) => t.expiresAt !== null && t.expiresAt > 0 && t.expiresAt <= 3 * DAY),
    ).toBe(true)
    expect(tokens.some((t) => status(t) === 'expired')).toBe(true)
    expect(tokens.some((t) => status(t) === 'revoked')).toBe(true)
  })

  it('has the awkward names', () => {
    const names = tokens.map((t) => t.name)
    expect([...LONG_NAME]).toHaveLength(120)
    expect(names).toContain(LONG_NAME)
    expect(names).toContain(EMOJI_RTL_NAME)
    expect(EMOJI_RTL_NAME).toMatch(/\p{Extended_Pictographic}/u)
    expect(EMOJI_RTL_NAME).toMatch(/[\u0590-\u06ff]/)
    expect(names).toContain(HTML_NAME)
    expect(HTML_NAME).toBe('<img src=x onerror=alert(1)>')
  })

  it('covers every scope in the catalog across rows', () => {
    expect(new Set(tokens.flatMap((t) => t.scopes))).toEqual(new Set(SCOPE_CATALOG))
  })

  it('keeps times consistent', () => {
    for (const t of [...tokens, ...otherAccountTokens()]) {
      expect(t.createdAt).toBeLessThan(0)
      if (t.lastUsedAt !== null) expect(t.lastUsedAt).toBeGreaterThanOrEqual(t.createdAt)
      if (t.revokedAt !== null) expect(t.revokedAt).toBeGreaterThanOrEqual(t.createdAt)
    }
  })
})

describe('scale seed (--seed N)', () => {
  it('makes N tokens, one fewer active than the cap (the printed token is the last), the rest expired or revoked', () => {
    const tokens = scaleTokens(300)
    expect(tokens).toHaveLength(300)
    const count = (s: string) => tokens.filter((t) => status(t) === s).length
    expect(count('active')).toBe(ACTIVE_TOKEN_CAP - 1)
    expect(count('expired') + count('revoked')).toBe(300 - (ACTIVE_TOKEN_CAP - 1))
    expect(count('expired')).toBeGreaterThan(0)
    expect(count('revoked')).toBeGreaterThan(0)
  })

  it('is reproducible', () => {
    expect(scaleTokens(50)).toEqual(scaleTokens(50))
    expect(seededRandom(7)()).toBe(seededRandom(7)())
  })

  it('spreads last-used dates over two years and keeps times consistent', () => {
    const tokens = scaleTokens(500)
    const used = tokens.flatMap((t) => (t.lastUsedAt === null ? [] : [t.lastUsedAt]))
    expect(Math.min(...used)).toBeLessThan(-600 * DAY)
    expect(Math.max(...used)).toBeGreaterThan(-30 * DAY)
    expect(Math.min(...used)).toBeGreaterThanOrEqual(-730 * DAY)
    for (const t of tokens) {
      expect(t.scopes.length).toBeGreaterThan(0)
      if (t.lastUsedAt !== null) {
        expect(t.lastUsedAt).toBeGreaterThanOrEqual(t.createdAt)
        expect(t.lastUsedAt).toBeLessThanOrEqual(0)
      }
    }
  })

  it('handles 0', () => {
    expect(scaleTokens(0)).toEqual([])
  })
})
