import type { DisplayZone } from './use-now'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const MONTH = 30.4375 * DAY
const YEAR = 365.25 * DAY

/**
 * Formatters are costly to build and cheap to reuse: one per locale (and zone), for the page's life.
 * A table of hundreds of timestamps then builds two, not two per cell and render.
 */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>()
const exactFormats = new Map<string, Intl.DateTimeFormat>()

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? ''
  let format = relativeFormats.get(key)
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    relativeFormats.set(key, format)
  }
  return format
}

function exactFormat(
  locale: string | undefined,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}`
  let format = exactFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
      ...(timeZone ? { timeZone } : {}),
    })
    exactFormats.set(key, format)
  }
  return format
}

/**
 * "3 hours ago", "in 5 days", "yesterday", "now": in the given locale, with the largest unit that
 * reads naturally. Thresholds follow the common 45 s / 45 min / 22 h / 26 d / 11 months steps.
 */
export function formatRelativeTime(date: number, now: number, locale?: string): string {
  const rtf = relativeFormat(locale)
  const diff = date - now
  const abs = Math.abs(diff)
  if (abs < 45 * SECOND) return rtf.format(0, 'second')
  if (abs < 45 * MINUTE) return rtf.format(Math.round(diff / MINUTE) || Math.sign(diff), 'minute')
  if (abs < 22 * HOUR) return rtf.format(Math.round(diff / HOUR) || Math.sign(diff), 'hour')
  if (abs < 26 * DAY) return rtf.format(Math.round(diff / DAY) || Math.sign(diff), 'day')
  if (abs < 11 * MONTH) return rtf.format(Math.round(diff / MONTH) || Math.sign(diff), 'month')
  return rtf.format(Math.round(diff / YEAR) || Math.sign(diff), 'year')
}

/** The exact moment, with seconds and zone: in the browser's zone by default, or in `timeZone`. */
export function formatExactTime(date: number, locale?: string, timeZone?: string): string {
  return exactFormat(locale, timeZone).format(date)
}

const clockFormats = new Map<string, Intl.DateTimeFormat>()
const calendarFormats = new Map<string, Intl.DateTimeFormat>()

function zonedFormat(
  cache: Map<string, Intl.DateTimeFormat>,
  { locale, timeZone }: DisplayZone,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}`
  let format = cache.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) })
    cache.set(key, format)
  }
  return format
}

/** "14:05" (or "2:05 PM"): the time of day in the browser's zone and locale, or in `zone`. */
export function formatClockTime(date: number, zone: DisplayZone = {}): string {
  return zonedFormat(clockFormats, zone, { hour: 'numeric', minute: '2-digit' }).format(date)
}

/** "Nov 28, 2026": the calendar date in the browser's zone and locale, or in `zone`. */
export function formatCalendarDate(date: number, zone: DisplayZone = {}): string {
  return zonedFormat(calendarFormats, zone, { dateStyle: 'medium' }).format(date)
}
