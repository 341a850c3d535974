import type { Token } from '../api/token-schema'
import { deriveTokenState, isUsable } from './token-state'

/** A name as a person tells names apart: trimmed, runs of spaces as one, case ignored. */
function comparable(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

/**
 * The name of a usable token that `name` would look the same as, if any. The API allows two
 * tokens one name; the form says so, since the list could then not tell them apart.
 */
export function sameNameAs(name: string, tokens: readonly Token[], now: number): string | null {
  const wanted = comparable(name)
  if (wanted === '') return null
  const match = tokens.find(
    (token) => isUsable(deriveTokenState(token, now)) && comparable(token.name) === wanted,
  )
  return match ? match.name : null
}
