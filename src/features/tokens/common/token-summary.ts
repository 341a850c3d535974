import type { Token } from '../api/token-schema'
import { deriveTokenState, isStale, isUsable } from './token-state'

export interface TokenSummary {
  /** Tokens that still authenticate (active and expiring), out of the account's cap. */
  active: number
  stale: number
  expiringSoon: number
  expired: number
  revoked: number
  /** Usable tokens without an expiry date. */
  neverExpiring: number
  /** Tokens whose status this console does not know (D1): they may still work. */
  unknown: number
}

export function summarizeTokens(tokens: readonly Token[], now: number): TokenSummary {
  const summary: TokenSummary = {
    active: 0,
    stale: 0,
    expiringSoon: 0,
    expired: 0,
    revoked: 0,
    neverExpiring: 0,
    unknown: 0,
  }
  for (const token of tokens) {
    const state = deriveTokenState(token, now)
    if (isUsable(state)) summary.active += 1
    if (isUsable(state) && token.expiresAt === null) summary.neverExpiring += 1
    if (state.kind === 'expiring') summary.expiringSoon += 1
    if (state.kind === 'expired') summary.expired += 1
    if (state.kind === 'revoked') summary.revoked += 1
    if (state.kind === 'unknown') summary.unknown += 1
    if (isStale(token, now)) summary.stale += 1
  }
  return summary
}
