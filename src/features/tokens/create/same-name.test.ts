import { describe, expect, it } from 'vitest'
import { buildToken } from '../../../testing/token-fixture'
import { sameNameAs } from './same-name'

const now = Date.parse('2026-11-29T10:00:00.000Z')
const tokens = [
  buildToken({ id: 'tok_a', name: 'CI deploy' }),
  buildToken({ id: 'tok_b', name: 'Old export', revokedAt: '2026-10-01T10:00:00.000Z' }),
  buildToken({ id: 'tok_c', name: 'Laptop', expiresAt: '2026-11-01T10:00:00.000Z' }),
]

describe('sameNameAs', () => {
  it('finds a usable token whose name looks the same: case, outer and repeated spaces aside', () => {
    expect(sameNameAs('CI deploy', tokens, now)).toBe('CI deploy')
    expect(sameNameAs('  ci   DEPLOY ', tokens, now)).toBe('CI deploy')
  })

  it('ignores revoked and expired tokens, other names and an empty name', () => {
    expect(sameNameAs('Old export', tokens, now)).toBeNull()
    expect(sameNameAs('Laptop', tokens, now)).toBeNull()
    expect(sameNameAs('CI deploy 2', tokens, now)).toBeNull()
    expect(sameNameAs('   ', [buildToken({ id: 'tok_d', name: ' ' })], now)).toBeNull()
  })
})
