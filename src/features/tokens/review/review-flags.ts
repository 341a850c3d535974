import type { Token } from '../api/token-schema'
import { daysSince, deriveTokenState } from '../common/token-state'
import { whyStale } from '../common/why-stale'
import type { ReviewFlag } from './review-items'

/** Why a token is flagged, in words a reviewer can file (the unused ones as the table says them). */
export function flagText(flag: ReviewFlag, token: Token, now: number): string {
  switch (flag) {
    case 'never-used':
    case 'unused-90-days':
      return whyStale(token, daysSince(token.lastUsedAt ?? token.createdAt, now))
    case 'can-write':
      return 'Can change data (a write or webhook scope)'
    case 'no-expiry':
      return 'Never expires'
    case 'expiring': {
      const state = deriveTokenState(token, now)
      const days = state.kind === 'expiring' ? state.daysLeft : null
      if (days === null || days === 0) return 'Expires within a day'
      return `Expires in ${days === 1 ? '1 day' : `${days} days`}`
    }
    case 'session':
      return 'The token this console is signed in with'
  }
}

/** Why Revoke is suggested: the token's unused flag, said. */
export function suggestionReason(flags: readonly ReviewFlag[]): string {
  return flags.includes('never-used') ? 'never used' : 'unused for 90+ days'
}
