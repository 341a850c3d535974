import type { Token } from '../api/token-schema'
import { looseText } from '../../../lib/text/loose-text'
import { deriveTokenState, isUsable } from '../common/token-state'

/**
 * The name of a usable token that `name` would look the same as, if any. The API allows two
 * tokens one name; the form says so, since the list could then not tell them apart.
 */
export function sameNameAs(name: string, tokens: readonly Token[], now: number): string | null {
  const wanted = looseText(name)
  if (wanted === '') return null
  const match = tokens.find(
    (token) => isUsable(deriveTokenState(token, now)) && looseText(token.name) === wanted,
  )
  return match ? match.name : null
}
