import { describe, expect, it } from 'vitest'
import { buildToken } from '../../../testing/token-fixture'
import { withPendingRevokes } from './pending-revokes-view'

const AT = '2026-11-28T10:00:00.000Z'
const list = [buildToken({ id: 'a' }), buildToken({ id: 'b' })]

describe('withPendingRevokes', () => {
  it('shows in-flight revokes as revoked without touching other rows or the input', () => {
    const shown = withPendingRevokes(list, new Set(['a']), AT)
    expect(shown[0]).toMatchObject({ id: 'a', status: 'revoked', revokedAt: AT })
    expect(shown[1]).toBe(list[1])
    expect(list[0]?.status).toBe('active')
  })

  it('returns the same list when nothing is pending, and leaves revoked rows as the server said', () => {
    expect(withPendingRevokes(list, new Set(), AT)).toBe(list)
    const revoked = [
      buildToken({ id: 'a', status: 'revoked', revokedAt: '2026-01-01T00:00:00.000Z' }),
    ]
    expect(withPendingRevokes(revoked, new Set(['a']), AT)[0]).toBe(revoked[0])
  })
})
