/**
 * Reads a `Retry-After` header: either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns whole seconds from `now`, at least 1, or `null` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number.parseInt(trimmed, 10))
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000))
}
