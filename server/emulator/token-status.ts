export type TokenStatus = 'active' | 'expired' | 'revoked'

export interface StatusInput {
  expiresAt: number | null
  revokedAt: number | null
}

/** D1: derived at read time; revoked > expired (`expiresAt <= now`) > active. */
export function tokenStatus(token: StatusInput, nowMs: number): TokenStatus {
  if (token.revokedAt !== null) return 'revoked'
  if (token.expiresAt !== null && token.expiresAt <= nowMs) return 'expired'
  return 'active'
}
