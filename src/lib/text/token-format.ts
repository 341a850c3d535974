import { withoutFormatCharacters } from './format-characters'

/**
 * Everything this console knows about the shape of an OpenTrain credential (docs/api-contract.md
 * §1 and D11), in one place: the sign-in check (token-input.ts), the search field's secret
 * detection, masked previews and the redaction of error text all read these patterns.
 */

/** Personal API tokens: `ot_pat_<publicId>_<secret>`. Lengths and alphabets are not documented. */
export const PERSONAL_TOKEN_PREFIX = 'ot_pat_'
const PERSONAL_TOKEN = /^ot_pat_[A-Za-z0-9]+_[A-Za-z0-9]+$/

/**
 * Any OpenTrain credential (personal, claim, claim-attempt, platform, webhook signing; §1) with
 * enough characters to be a secret. A masked preview (`ot_pat_c3f9********bd21`) has too few
 * before its asterisks to match.
 */
const CREDENTIAL = /\b(ot_(?:pat|clm|cat|ptk)|whsec)_[A-Za-z0-9_]{8,}/g

/** A whole personal API token inside other text. */
const PERSONAL_TOKEN_IN_TEXT = /ot_pat_[A-Za-z0-9]+_[A-Za-z0-9]+/g
/**
 * A run of base62 characters, with `tok_` before it when it is an id (D10). One of 24 or more that
 * is no id is a secret's part (32 in D11) pasted without its prefix: no word a person searches
 * for is that long, and an id's run (20 from the emulator) is kept however long.
 */
const RUN = /(tok_)?[A-Za-z0-9]+/g
const SECRET_RUN = 24
/** `ot_pat_` and what follows it, a token's start however far it is typed. */
const TOKEN_START_IN_TEXT = /ot_pat_([A-Za-z0-9_]+)/g
/** How much of a token's body its preview shows first (D11). */
const PREVIEW_HEAD = 4

/** True when `text`, once trimmed, is a whole personal API token. */
export function isPersonalToken(text: string): boolean {
  return PERSONAL_TOKEN.test(text.trim())
}

/** The masked preview the API shows for a token (D11): prefix, 4 characters, 8 `*`, last 4. */
export function previewOf(token: string): string {
  const whole = token.trim()
  const body = whole.slice(PERSONAL_TOKEN_PREFIX.length)
  return `${PERSONAL_TOKEN_PREFIX}${body.slice(0, 4)}********${whole.slice(-4)}`
}

/**
 * `text` as secrets are looked for in it: without invisible format characters (a zero-width space
 * pasted inside a token), compatibility forms folded (`ｏｔ＿ｐａｔ＿`), `%5F` read as the `_` it
 * encodes.
 */
export function inSecretForm(text: string): string {
  return withoutFormatCharacters(text).normalize('NFKC').replace(/%5f/gi, '_')
}

/**
 * `text` with each personal token, whole or begun, cut to its preview's start (`ot_pat_c3f9`): in
 * text typed key by key a token's end is not known yet. Previews stay; other credentials are cut
 * to their prefix, and a long base62 run (a secret without its prefix) is dropped.
 */
export function withoutSecretParts(text: string): string {
  return inSecretForm(text)
    .replace(
      TOKEN_START_IN_TEXT,
      (_token, body: string) =>
        `${PERSONAL_TOKEN_PREFIX}${(body.split('_')[0] ?? '').slice(0, PREVIEW_HEAD)}`,
    )
    .replace(CREDENTIAL, '$1_')
    .replace(RUN, (run, id?: string) => (id || run.length < SECRET_RUN ? run : ''))
}

/** True when `text` holds more of a secret than a preview shows. */
export function holdsSecret(text: string): boolean {
  return withoutSecretParts(text) !== inSecretForm(text)
}

/** The whole personal tokens in `text`, as a paste may bring them (`Bearer ot_pat_…`). */
export function personalTokensIn(text: string): string[] {
  return inSecretForm(text).match(PERSONAL_TOKEN_IN_TEXT) ?? []
}

/**
 * `text` with each whole personal token in it replaced by its preview (a paste brings a token at
 * once, so its last 4 characters are the real ones the preview shows), and any token cut short
 * cut to its preview's start.
 */
export function withPreviews(text: string): string {
  return withoutSecretParts(
    inSecretForm(text).replace(PERSONAL_TOKEN_IN_TEXT, (token) => previewOf(token)),
  )
}

/** Cuts every credential in `text` down to its prefix, for anything shown or logged. */
export function redactSecrets(text: string): string {
  return text.replace(CREDENTIAL, '$1_[redacted]')
}
