/** The marker a replacement's name ends with (rotate/rotation.ts names it); a second rotation replaces it. */
export const REPLACES_MARKER = / \(replaces ot_pat_[^)]*\)$/u

/**
 * A name split where a list may cut it: the part a person chose, and a rotation's marker, which
 * tells two replacements of the same token apart (their previews differ) and so is never cut.
 */
export function splitReplacesMarker(name: string): { base: string; marker: string } {
  const match = REPLACES_MARKER.exec(name)
  return match ? { base: name.slice(0, match.index), marker: match[0] } : { base: name, marker: '' }
}
