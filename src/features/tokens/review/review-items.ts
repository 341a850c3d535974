import { parseTimestamp } from '../../../lib/time/parse-timestamp'
import type { Token } from '../api/token-schema'
import { canChangeData } from '../revoke/revoke-risk'
import {
  DAY_MS,
  deriveTokenState,
  isUsable,
  STALE_AFTER_DAYS,
  type TokenState,
} from '../common/token-state'

/** Why a token needs a decision, most pressing first: the review's order follows this list. */
const REVIEW_FLAGS = [
  'never-used',
  'unused-90-days',
  'can-write',
  'no-expiry',
  'expiring',
  'session',
] as const
export type ReviewFlag = (typeof REVIEW_FLAGS)[number]

export type Decision = 'keep' | 'rotate' | 'revoke'

/** Each decision's name, as its radio, the record's table and its Markdown say it. */
export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  keep: 'Keep',
  rotate: 'Rotate',
  revoke: 'Revoke',
}

export interface ReviewItem {
  token: Token
  /** In REVIEW_FLAGS order. */
  flags: ReviewFlag[]
  /** Revoke, for a token nobody seems to use (never the session's own); else none. */
  suggestion: Decision | null
}

/** The review's flags for one usable token (`state` from deriveTokenState). */
function flagsOf(
  token: Token,
  state: TokenState,
  sessionTokenId: string | null,
  now: number,
): ReviewFlag[] {
  const lastUsedAt = parseTimestamp(token.lastUsedAt)
  const found: Record<ReviewFlag, boolean> = {
    'never-used': token.lastUsedAt === null,
    'unused-90-days': lastUsedAt !== null && now - lastUsedAt >= STALE_AFTER_DAYS * DAY_MS,
    'can-write': canChangeData(token),
    'no-expiry': token.expiresAt === null,
    expiring: state.kind === 'expiring',
    session: token.id === sessionTokenId,
  }
  return REVIEW_FLAGS.filter((flag) => found[flag])
}

/** Where a token's most pressing flag sits in REVIEW_FLAGS; past the end when it has none. */
const rank = (item: ReviewItem): number =>
  item.flags.length === 0 ? REVIEW_FLAGS.length : REVIEW_FLAGS.indexOf(item.flags[0] ?? 'session')

/**
 * Every token that still works (active or expiring), those that need a decision first: by their
 * most pressing flag, then by how many flags they have, then by name. Revoke is suggested for a
 * token never used or unused for 90+ days, unless it is the one this console is signed in with.
 */
export function reviewItems(
  tokens: readonly Token[],
  sessionTokenId: string | null,
  now: number,
): ReviewItem[] {
  return tokens
    .map((token) => ({ token, state: deriveTokenState(token, now) }))
    .filter(({ state }) => isUsable(state))
    .map(({ token, state }): ReviewItem => {
      const flags = flagsOf(token, state, sessionTokenId, now)
      const unused = flags.includes('never-used') || flags.includes('unused-90-days')
      const suggestion = unused && !flags.includes('session') ? 'revoke' : null
      return { token, flags, suggestion }
    })
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.flags.length - a.flags.length ||
        a.token.name.localeCompare(b.token.name) ||
        a.token.id.localeCompare(b.token.id),
    )
}
