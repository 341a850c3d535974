import { describe, expect, it } from 'vitest'
import { isoDay, isoWithOffset } from './iso-with-offset'

const at = Date.UTC(2026, 11, 5, 17, 42, 3, 640)

describe('isoWithOffset', () => {
  it('writes the wall time of the zone with its offset at that moment', () => {
    expect(isoWithOffset(at, 'UTC')).toBe('2026-12-05T17:42:03+00:00')
    expect(isoWithOffset(at, 'Europe/Berlin')).toBe('2026-12-05T18:42:03+01:00')
    expect(isoWithOffset(at, 'America/St_Johns')).toBe('2026-12-05T14:12:03-03:30')
    expect(isoWithOffset(at, 'Pacific/Kiritimati')).toBe('2026-12-06T07:42:03+14:00')
    // Summer time: Berlin is two hours ahead in July.
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 12), 'Europe/Berlin')).toBe(
      '2026-07-01T14:00:00+02:00',
    )
  })

  it('names the same instant, whatever the zone', () => {
    for (const zone of ['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      expect(Date.parse(isoWithOffset(at, zone))).toBe(Math.floor(at / 1000) * 1000)
    }
  })

  it('gives the calendar day in the zone', () => {
    expect(isoDay(at, 'UTC')).toBe('2026-12-05')
    expect(isoDay(at, 'Pacific/Kiritimati')).toBe('2026-12-06')
  })
})
