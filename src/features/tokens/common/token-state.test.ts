import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { deriveTokenState, isStale } from './token-state'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')

describe('deriveTokenState', () => {
  it('is active without expiry, or with more than 14 days left', () => {
    expect(deriveTokenState(buildToken({ id: 'a' }), NOW)).toEqual({ kind: 'active' })
    expect(deriveTokenState(buildToken({ id: 'a', expiresAt: daysAgo(-15, NOW) }), NOW)).toEqual({
      kind: 'active',
    })
  })

  it('is expiring within 14 days, with days left rounded as the relative time is', () => {
    expect(deriveTokenState(buildToken({ id: 'a', expiresAt: daysAgo(-14, NOW) }), NOW)).toEqual({
      kind: 'expiring',
      daysLeft: 14,
    })
    expect(deriveTokenState(buildToken({ id: 'a', expiresAt: daysAgo(-2.2, NOW) }), NOW)).toEqual({
      kind: 'expiring',
      daysLeft: 2,
    })
    expect(deriveTokenState(buildToken({ id: 'a', expiresAt: daysAgo(-2.6, NOW) }), NOW)).toEqual({
      kind: 'expiring',
      daysLeft: 3,
    })
    expect(
      deriveTokenState(
        buildToken({ id: 'a', expiresAt: new Date(NOW + 60_000).toISOString() }),
        NOW,
      ),
    ).toEqual({ kind: 'expiring', daysLeft: 0 })
  })

  it('treats an "active" token past expiresAt as expired (D1)', () => {
    const token = buildToken({ id: 'a', status: 'active', expiresAt: daysAgo(1, NOW) })
    expect(deriveTokenState(token, NOW)).toEqual({ kind: 'expired' })
    expect(
      deriveTokenState(buildToken({ id: 'a', expiresAt: new Date(NOW).toISOString() }), NOW),
    ).toEqual({
      kind: 'expired',
    })
  })

  it('lets revocation win over expiry, by status or by revokedAt', () => {
    expect(
      deriveTokenState(buildToken({ id: 'a', status: 'expired', revokedAt: daysAgo(3, NOW) }), NOW),
    ).toEqual({ kind: 'revoked' })
    expect(deriveTokenState(buildToken({ id: 'a', status: 'revoked' }), NOW)).toEqual({
      kind: 'revoked',
    })
  })

  it('keeps an unknown status as the API wrote it', () => {
    expect(deriveTokenState(buildToken({ id: 'a', status: 'suspended' }), NOW)).toEqual({
      kind: 'unknown',
      status: 'suspended',
    })
  })
})

describe('isStale', () => {
  it('flags usable tokens unused for 90 days or more', () => {
    expect(isStale(buildToken({ id: 'a', lastUsedAt: daysAgo(90, NOW) }), NOW)).toBe(true)
    expect(isStale(buildToken({ id: 'a', lastUsedAt: daysAgo(89.9, NOW) }), NOW)).toBe(false)
  })

  it('flags never-used tokens only once they are 7 days old', () => {
    expect(isStale(buildToken({ id: 'a', createdAt: daysAgo(7, NOW) }), NOW)).toBe(true)
    expect(isStale(buildToken({ id: 'a', createdAt: daysAgo(6, NOW) }), NOW)).toBe(false)
  })

  it('never flags revoked or expired tokens', () => {
    const old = { lastUsedAt: daysAgo(400, NOW), createdAt: daysAgo(500, NOW) }
    expect(isStale(buildToken({ id: 'a', ...old, revokedAt: daysAgo(1, NOW) }), NOW)).toBe(false)
    expect(isStale(buildToken({ id: 'a', ...old, expiresAt: daysAgo(1, NOW) }), NOW)).toBe(false)
  })
})
