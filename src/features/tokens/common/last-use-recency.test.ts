import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { countByRecency, recencyOf } from './last-use-recency'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')
const usedDaysAgo = (days: number | null) =>
  buildToken({ id: `t${days}`, lastUsedAt: days === null ? null : daysAgo(days, NOW) })

describe('recencyOf', () => {
  it('puts each last use in exactly one bucket, bounds going to the older one', () => {
    const cases: [number | null, string][] = [
      [0, 'day'],
      [0.99, 'day'],
      [1, 'week'],
      [6.9, 'week'],
      [7, 'month'],
      [29, 'month'],
      [30, 'quarter'],
      [89, 'quarter'],
      [90, 'older'],
      [800, 'older'],
      [null, 'never'],
    ]
    for (const [days, bucket] of cases)
      expect(recencyOf(usedDaysAgo(days), NOW), String(days)).toBe(bucket)
  })

  it('counts a use stamped in the future as today, and an unreadable one nowhere', () => {
    expect(recencyOf(usedDaysAgo(-0.1), NOW)).toBe('day')
    expect(recencyOf(buildToken({ id: 'x', lastUsedAt: 'soon' }), NOW)).toBeNull()
  })
})

describe('countByRecency', () => {
  it('counts every bucket', () => {
    const tokens = [0, 0.5, 3, 20, 45, 120, null, null].map(usedDaysAgo)
    expect(countByRecency(tokens, NOW)).toEqual({
      day: 2,
      week: 1,
      month: 1,
      quarter: 1,
      older: 1,
      never: 2,
    })
  })
})
