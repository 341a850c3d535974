import { describe, expect, it } from 'vitest'
import { formatExactTime, formatRelativeTime } from './format-time'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('formatRelativeTime', () => {
  it.each([
    [NOW - 10_000, 'now'],
    [NOW - 3 * MIN, '3 minutes ago'],
    [NOW - 3 * HOUR, '3 hours ago'],
    [NOW - 1 * DAY, 'yesterday'],
    [NOW - 12 * DAY, '12 days ago'],
    [NOW - 150 * DAY, '5 months ago'],
    [NOW - 400 * DAY, 'last year'],
    [NOW - 800 * DAY, '2 years ago'],
    [NOW + 2 * DAY, 'in 2 days'],
    [NOW + 90 * MIN, 'in 2 hours'],
  ])('en-US: %s → %s', (date, expected) => {
    expect(formatRelativeTime(date, NOW, 'en-US')).toBe(expected)
  })

  it.each([
    [NOW - 3 * HOUR, 'vor 3 Stunden'],
    [NOW - 1 * DAY, 'gestern'],
    [NOW - 150 * DAY, 'vor 5 Monaten'],
    [NOW + 2 * DAY, 'übermorgen'],
  ])('de-DE: %s → %s', (date, expected) => {
    expect(formatRelativeTime(date, NOW, 'de-DE')).toBe(expected)
  })
})

describe('formatExactTime', () => {
  it('gives the exact moment with seconds and zone, in UTC or another zone', () => {
    const at = Date.parse('2026-06-12T11:30:05.000Z')
    expect(formatExactTime(at, 'en-US', 'UTC')).toBe('Jun 12, 2026, 11:30:05 AM UTC')
    expect(formatExactTime(at, 'de-DE', 'Europe/Berlin')).toBe('12. Juni 2026, 13:30:05 MESZ')
  })
})
