const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const MONTH = 30.4375 * DAY
const YEAR = 365.25 * DAY

/**
 * "3 hours ago", "in 5 days", "yesterday", "now": in the given locale, with the largest unit that
 * reads naturally. Thresholds follow the common 45 s / 45 min / 22 h / 26 d / 11 months steps.
 */
export function formatRelativeTime(date: number, now: number, locale?: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
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
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date)
}
