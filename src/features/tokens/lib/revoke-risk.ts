import { parseTimestamp } from '../../../lib/parse-timestamp'
import type { Token } from '../api/token-schema'
import { deriveTokenState } from './token-state'

const RECENT_USE_MS = 24 * 60 * 60 * 1000
const HIGH_RISK_SCOPE = /:write$|^webhooks:manage$/

export type RevokeRiskReason = 'current-session' | 'used-recently' | 'write-scopes'

export interface RevokeRisk {
  /** The person must type the token's name before the confirm button works. */
  typeToConfirm: boolean
  reasons: RevokeRiskReason[]
}

/**
 * How much friction a revoke deserves. The session's own token always asks for the name; an
 * expired or never-used token never does (nothing can break); otherwise recent use or any write
 * or webhook scope does.
 */
export function assessRevokeRisk(
  token: Token,
  { isCurrentSession, now }: { isCurrentSession: boolean; now: number },
): RevokeRisk {
  if (isCurrentSession) return { typeToConfirm: true, reasons: ['current-session'] }
  if (deriveTokenState(token, now).kind === 'expired' || token.lastUsedAt === null) {
    return { typeToConfirm: false, reasons: [] }
  }
  const reasons: RevokeRiskReason[] = []
  const lastUsedAt = parseTimestamp(token.lastUsedAt)
  if (lastUsedAt !== null && now - lastUsedAt < RECENT_USE_MS) reasons.push('used-recently')
  if (token.scopes.some((scope) => HIGH_RISK_SCOPE.test(scope))) reasons.push('write-scopes')
  return { typeToConfirm: reasons.length > 0, reasons }
}

/** The typed name counts when it matches once outer spaces and Unicode forms are set aside. */
export function typedNameMatches(typed: string, name: string): boolean {
  return typed.trim().normalize('NFC') === name.trim().normalize('NFC')
}
