import { parseTimestamp } from '../../../lib/time/parse-timestamp'
import type { Token } from '../api/token-schema'
import { daysSince } from '../common/token-state'
import type { ReviewFlag } from './review-items'

/** Why a token is flagged, in words a reviewer can file. */
export function flagText(flag: ReviewFlag, token: Token, now: number): string {
  switch (flag) {
    case 'never-used': {
      const days = daysSince(token.createdAt, now)
      return days === null ? 'Never used' : `Never used in the ${days} days since it was created`
    }
    case 'unused-90-days':
      return `Unused for ${daysSince(token.lastUsedAt ?? token.createdAt, now) ?? 90} days`
    case 'can-write':
      return 'Can change data (a write or webhook scope)'
    case 'no-expiry':
      return 'Never expires'
    case 'expiring': {
      const at = parseTimestamp(token.expiresAt)
      const days = at === null ? null : Math.max(0, Math.ceil((at - now) / 86_400_000))
      return days === null
        ? 'Expires soon'
        : `Expires within ${days === 1 ? '1 day' : `${days} days`}`
    }
    case 'session':
      return 'The token this console is signed in with'
  }
}

/** Why Revoke is suggested: the token's unused flag, said. */
export function suggestionReason(flags: readonly ReviewFlag[]): string {
  return flags.includes('never-used') ? 'never used' : 'unused for 90+ days'
}
