import { describe, expect, it } from 'vitest'
import { tokenStatus } from './token-status.ts'

const now = Date.parse('2026-06-12T10:00:00.000Z')

describe('tokenStatus (D1)', () => {
  it('is active without revokedAt and with no or a future expiresAt', () => {
    expect(tokenStatus({ expiresAt: null, revokedAt: null }, now)).toBe('active')
    expect(tokenStatus({ expiresAt: now + 1, revokedAt: null }, now)).toBe('active')
  })

  it('is expired once expiresAt <= now', () => {
    expect(tokenStatus({ expiresAt: now, revokedAt: null }, now)).toBe('expired')
    expect(tokenStatus({ expiresAt: now - 1, revokedAt: null }, now)).toBe('expired')
  })

  it('is revoked whenever revokedAt is set, even if also expired', () => {
    expect(tokenStatus({ expiresAt: null, revokedAt: now - 5 }, now)).toBe('revoked')
    expect(tokenStatus({ expiresAt: now - 10, revokedAt: now - 5 }, now)).toBe('revoked')
    expect(tokenStatus({ expiresAt: now + 10, revokedAt: now - 5 }, now)).toBe('revoked')
  })
})
