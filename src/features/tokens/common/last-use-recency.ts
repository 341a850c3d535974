import { parseTimestamp } from '../../../lib/time/parse-timestamp'
import type { Token } from '../api/token-schema'
import { DAY_MS, STALE_AFTER_DAYS } from './token-state'

/**
 * When a token was last used, in the buckets of the page's recency overview: the last 24 hours,
 * the last 7 days, the last 30 days, the last 90 days, longer ago (as long as makes a token
 * stale), and never. Each token falls in exactly one, so the counts add up to the list.
 */
export const RECENCY_BUCKETS = ['day', 'week', 'month', 'quarter', 'older', 'never'] as const
export type RecencyBucket = (typeof RECENCY_BUCKETS)[number]

/** Each dated bucket's upper bound, in days since the last use. */
const BOUNDS: readonly [RecencyBucket, number][] = [
  ['day', 1],
  ['week', 7],
  ['month', 30],
  ['quarter', STALE_AFTER_DAYS],
]

/** The token's bucket, or null when its last use is there but cannot be read. */
export function recencyOf(token: Token, now: number): RecencyBucket | null {
  if (token.lastUsedAt === null) return 'never'
  const at = parseTimestamp(token.lastUsedAt)
  if (at === null) return null
  const days = Math.max(0, now - at) / DAY_MS
  return BOUNDS.find(([, bound]) => days < bound)?.[0] ?? 'older'
}

export function countByRecency(
  tokens: readonly Token[],
  now: number,
): Record<RecencyBucket, number> {
  const counts = { day: 0, week: 0, month: 0, quarter: 0, older: 0, never: 0 }
  for (const token of tokens) {
    const bucket = recencyOf(token, now)
    if (bucket !== null) counts[bucket] += 1
  }
  return counts
}
