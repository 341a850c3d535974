/**
 * Invisible format characters (`\p{Cf}`): zero-width spaces and joiners, bidi controls, soft
 * hyphens. Nothing a person sees or types, yet a paste can carry them inside a token or a name.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu

/** `text` as a person can type it: without invisible format characters. */
export function withoutFormatCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '')
}
