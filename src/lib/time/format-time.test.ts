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

describe('formatter reuse', () => {
  it('builds one formatter per locale and zone, however many times it formats', () => {
    const { DateTimeFormat, RelativeTimeFormat } = Intl
    const built = { exact: 0, relative: 0 }
    // Counting wrappers: `new` on a function that returns an object yields that object.
    Object.assign(Intl, {
      DateTimeFormat: function (...args: ConstructorParameters<typeof DateTimeFormat>) {
        built.exact += 1
        return new DateTimeFormat(...args)
      },
      RelativeTimeFormat: function (...args: ConstructorParameters<typeof RelativeTimeFormat>) {
        built.relative += 1
        return new RelativeTimeFormat(...args)
      },
    })
    try {
      for (let minute = 0; minute < 100; minute += 1) {
        formatExactTime(NOW + minute * MIN, 'fr-FR', 'Asia/Tokyo')
        formatRelativeTime(NOW - minute * DAY, NOW, 'fr-FR')
      }
    } finally {
      Object.assign(Intl, { DateTimeFormat, RelativeTimeFormat })
    }
    expect(built).toEqual({ exact: 1, relative: 1 })
    expect(formatExactTime(NOW, 'fr-FR', 'Asia/Tokyo')).toBe('28 nov. 2026, 21:00:00 UTC+9')
  })
})
