import type { Token } from '../api/token-schema'

/**
 * Why a stale token is stale, in words: "Unused for 120 days", or "Never used in the 30 days since
 * it was created". `days` counts from the last use, or from creation for a token never used
 * (`daysSince`); `null` when that date cannot be read.
 */
export function whyStale(token: Token, days: number | null): string {
  if (token.lastUsedAt) return `Unused for ${days === null ? 'a long time' : `${days} days`}`
  return `Never used${days === null ? '' : ` in the ${days} days`} since it was created`
}
