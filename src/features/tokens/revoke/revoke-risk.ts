import { withoutFormatCharacters } from '../../../lib/text/format-characters'
import { parseTimestamp } from '../../../lib/time/parse-timestamp'
import type { Token } from '../api/token-schema'
import { deriveTokenState } from '../common/token-state'

export const RECENT_USE_MS = 24 * 60 * 60 * 1000
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
  { isSessionToken, now }: { isSessionToken: boolean; now: number },
): RevokeRisk {
  if (isSessionToken) return { typeToConfirm: true, reasons: ['current-session'] }
  if (deriveTokenState(token, now).kind === 'expired' || token.lastUsedAt === null) {
    return { typeToConfirm: false, reasons: [] }
  }
  const reasons: RevokeRiskReason[] = []
  const lastUsedAt = parseTimestamp(token.lastUsedAt)
  if (lastUsedAt !== null && now - lastUsedAt < RECENT_USE_MS) reasons.push('used-recently')
  if (canChangeData(token)) reasons.push('write-scopes')
  return { typeToConfirm: reasons.length > 0, reasons }
}

/** A write or webhook scope: it can change data, not only read it. */
export function scopeChangesData(scope: string): boolean {
  return HIGH_RISK_SCOPE.test(scope)
}

/** It holds a write or webhook scope: it can change data, not only read it. */
export function canChangeData(token: Token): boolean {
  return token.scopes.some(scopeChangesData)
}

/** Names longer than this (in characters) are not asked for in full. */
export const LONGEST_TYPED_NAME = 32
/** How much of the preview's end stands in for a long name: its "last 4 characters" (D11). */
const PREVIEW_END = 4

/** What the person types to confirm: the name, or for a long name the end of the preview. */
export interface ConfirmationPhrase {
  text: string
  kind: 'name' | 'preview-end'
}

/** Text as a person can type it: no invisible format characters (D20), no outer spaces, NFC. */
function typeable(text: string): string {
  return withoutFormatCharacters(text).trim().normalize('NFC')
}

/**
 * What the dialog asks a person to type: the name when it is short enough to type, else the end of
 * the preview shown beside it (a long name is a chore, and its prefix may be another token's).
 */
export function confirmationPhrase(token: Token): ConfirmationPhrase {
  const name = token.name.trim()
  const preview = token.preview.trim()
  const nameFits = [...name].length <= LONGEST_TYPED_NAME && typeable(name) !== ''
  if (nameFits || preview.length < 2 * PREVIEW_END) return { text: name, kind: 'name' }
  return { text: preview.slice(-PREVIEW_END), kind: 'preview-end' }
}

/**
 * The typed text counts when it matches what a person can type of the phrase: outer spaces,
 * Unicode forms and invisible format characters (a zero-width space, an emoji's joiner) are set
 * aside on both sides. The revoke dialog and the bulk dialog's session opt-in both ask this.
 */
export function typedPhraseMatches(typed: string, phrase: ConfirmationPhrase): boolean {
  return typeable(typed) === typeable(phrase.text)
}
