import { parseTimestamp } from '../../../lib/time/parse-timestamp'
import type { Token } from '../api/token-schema'

export const EXPIRING_SOON_DAYS = 14
export const STALE_AFTER_DAYS = 90
export const NEVER_USED_GRACE_DAYS = 7
export const ACTIVE_TOKEN_CAP = 25
export const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

export type TokenState =
  | { kind: 'active' }
  /** `daysLeft` rounds as the relative "in N days" text does, so the two never disagree; 0 is under a day. */
  | { kind: 'expiring'; daysLeft: number }
  | { kind: 'expired' }
  | { kind: 'revoked' }
  /** A status this console does not know (D1): shown as the API wrote it. */
  | { kind: 'unknown'; status: string }

/**
 * The state a person should see, from the record and the clock. The API's own `status` may lag:
 * an "active" token past its `expiresAt` is expired (D1), and a set `revokedAt` always wins.
 */
export function deriveTokenState(token: Token, now: number): TokenState {
  if (token.revokedAt !== null || token.status === 'revoked') return { kind: 'revoked' }
  const expiresAt = parseTimestamp(token.expiresAt)
  if ((expiresAt !== null && expiresAt <= now) || token.status === 'expired')
    return { kind: 'expired' }
  if (token.status !== 'active') return { kind: 'unknown', status: token.status }
  const remaining = expiresAt === null ? null : expiresAt - now
  if (remaining !== null && remaining <= EXPIRING_SOON_DAYS * DAY_MS) {
    // Below 22 hours `formatRelativeTime` speaks in hours: that is "less than a day".
    const daysLeft = remaining < 22 * HOUR_MS ? 0 : Math.round(remaining / DAY_MS)
    return { kind: 'expiring', daysLeft }
  }
  return { kind: 'active' }
}

/** Active or expiring: it still authenticates, so it counts against the cap and can go stale. */
export function isUsable(state: TokenState): boolean {
  return state.kind === 'active' || state.kind === 'expiring'
}

/**
 * A usable token nobody seems to need: unused for 90+ days, or never used and older than 7 days.
 * Revoked and expired tokens are never stale: there is nothing left to clean up.
 */
export function isStale(token: Token, now: number): boolean {
  if (!isUsable(deriveTokenState(token, now))) return false
  const lastUsedAt = parseTimestamp(token.lastUsedAt)
  if (lastUsedAt !== null) return now - lastUsedAt >= STALE_AFTER_DAYS * DAY_MS
  const createdAt = parseTimestamp(token.createdAt)
  return createdAt !== null && now - createdAt >= NEVER_USED_GRACE_DAYS * DAY_MS
}

/** Whole days since `value`, for "unused for N days" wording; `null` when it cannot be read. */
export function daysSince(value: string, now: number): number | null {
  const at = parseTimestamp(value)
  return at === null ? null : Math.floor((now - at) / DAY_MS)
}
