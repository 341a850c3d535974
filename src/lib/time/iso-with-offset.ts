const formats = new Map<string, Intl.DateTimeFormat>()

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formats.set(timeZone, format)
  }
  return format
}

const pad = (value: number) => String(Math.abs(value)).padStart(2, '0')

/**
 * `2026-12-05T18:42:03+01:00`: ISO 8601 with the offset of `timeZone` (an IANA name) at that
 * moment, the way an auditor reads a time and its zone in one field. Seconds, no fraction.
 */
export function isoWithOffset(date: number, timeZone: string): string {
  const parts: Record<string, string> = {}
  for (const { type, value } of partsFormat(timeZone).formatToParts(date)) parts[type] = value
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  const offsetMinutes = Math.round((wall - Math.floor(date / 1000) * 1000) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

/** `2026-12-05`: the calendar day of `date` in `timeZone`. */
export function isoDay(date: number, timeZone: string): string {
  return isoWithOffset(date, timeZone).slice(0, 10)
}
