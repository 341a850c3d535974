// A personal API token must never reach a log line, an error message or the screen once stored.
// Anything shaped like an `ot_*_` credential is cut down to its prefix; a masked preview
// (`ot_pat_c3f9********bd21`) has too few characters before its asterisks to match.
const SECRET_PATTERN = /\b(ot_(?:pat|clm|cat|ptk))_[A-Za-z0-9_]{8,}/g

export function redactSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, '$1_[redacted]')
}
