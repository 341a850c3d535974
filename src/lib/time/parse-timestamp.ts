/**
 * The one reader of API timestamps: milliseconds since the epoch, or `null` for a missing or
 * unreadable value. Every date the console compares, sorts or formats goes through here.
 */
export function parseTimestamp(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : parsed
}
