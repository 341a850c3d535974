import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { summarizeTokens } from './token-summary'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')

describe('summarizeTokens', () => {
  it('counts usable, stale, expiring, expired, revoked and unknown-status tokens', () => {
    const summary = summarizeTokens(
      [
        buildToken({ id: 'used', lastUsedAt: daysAgo(0, NOW) }),
        buildToken({ id: 'stale', lastUsedAt: daysAgo(200, NOW) }),
        buildToken({ id: 'soon', lastUsedAt: daysAgo(1, NOW), expiresAt: daysAgo(-3, NOW) }),
        buildToken({ id: 'gone', expiresAt: daysAgo(3, NOW) }),
        buildToken({ id: 'dead', status: 'revoked', revokedAt: daysAgo(3, NOW) }),
        buildToken({ id: 'odd', status: 'suspended', lastUsedAt: daysAgo(200, NOW) }),
      ],
      NOW,
    )
    expect(summary).toEqual({
      active: 3,
      stale: 1,
      expiringSoon: 1,
      expired: 1,
      revoked: 1,
      // "used" and "stale" have no expiry date; "soon" has one; the rest no longer work.
      neverExpiring: 2,
      // Counted on its own, and never as stale: nothing says it still works.
      unknown: 1,
    })
  })
})
