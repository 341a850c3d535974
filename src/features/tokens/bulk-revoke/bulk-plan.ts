import { parseTimestamp } from '../../../lib/time/parse-timestamp'
import type { Token } from '../api/token-schema'
import { looseText } from '../../../lib/text/loose-text'
import { assessRevokeRisk, canChangeData, RECENT_USE_MS } from '../revoke/revoke-risk'

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
  /**
   * What the person types before the revokes are sent (`revoke 17`), when one of the others is a
   * token a single revoke would ask the name for (revoke-risk: used in the last 24 hours, or able to
   * write); `null` when one click does. The session's own token has its own typed name.
   */
  countPhrase: string | null
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
  const risky = others.some(
    (token) => assessRevokeRisk(token, { isSessionToken: false, now }).typeToConfirm,
  )
  return {
    tokens,
    usedRecently,
    canWrite: tokens.filter(canChangeData).length,
    session,
    countPhrase: risky ? `revoke ${tokens.length}` : null,
  }
}

/** The typed count counts whatever its case and however many spaces surround its words. */
export function typedCountMatches(typed: string, phrase: string): boolean {
  return looseText(typed) === phrase
}
