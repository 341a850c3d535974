/** A whole personal token as the docs give it: `ot_pat_<publicId>_<secret>`. */
const FULL_TOKEN = /^ot_pat_[A-Za-z0-9]+_[A-Za-z0-9]{8,}$/

export function looksLikeSecret(text: string): boolean {
  return FULL_TOKEN.test(text.trim())
}

/**
 * Turns a pasted secret into the masked preview the API shows for it (`ot_pat_` + first 4 of the
 * public id + `********` + last 4), so a person can find which row a token they hold belongs to
 * without the secret ever reaching the URL. Other text is returned unchanged.
 */
export function secretToPreview(text: string): string {
  const token = text.trim()
  if (!looksLikeSecret(token)) return text
  const body = token.slice('ot_pat_'.length)
  return `ot_pat_${body.slice(0, 4)}********${token.slice(-4)}`
}
