import { parseTimestamp } from '../../../lib/parse-timestamp'
import type { Token } from '../api/token-schema'
import { canChangeData, RECENT_USE_MS } from './revoke-risk'

/** What "Revoke selected" will do, for its pre-flight summary. */
export interface BulkPlan {
  /** In the order they are sent: the session's own token, when included, last. */
  tokens: Token[]
  /** Of those, used in the last 24 hours: something may still depend on them. */
  usedRecently: number
  /** Of those, holding a write or webhook scope. */
  canWrite: number
  /** The session's own token when it is selected, whether or not it is included. */
  session: Token | null
}

/**
 * The selection as a plan. The session's own token is left out unless `includeSession`: revoking
 * it signs this console out, so it goes last, once every other revoke has had its answer.
 */
export function planBulkRevoke(
  selected: readonly Token[],
  sessionTokenId: string | null,
  includeSession: boolean,
  now: number,
): BulkPlan {
  const session = selected.find((token) => token.id === sessionTokenId) ?? null
  const others = selected.filter((token) => token !== session)
  const tokens = includeSession && session ? [...others, session] : others
  const usedRecently = tokens.filter((token) => {
    const at = parseTimestamp(token.lastUsedAt)
    return at !== null && now - at < RECENT_USE_MS
  }).length
  return { tokens, usedRecently, canWrite: tokens.filter(canChangeData).length, session }
}
