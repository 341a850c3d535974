/*
 * The API's rule on zero-width characters in a name (D20), for the create form to apply before
 * sending: the emulator refuses the same names (server/emulator/validate-create-token.ts).
 */

/** A zero-width space, word joiner or zero-width no-break space: no name needs one. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/u
/**
 * What a zero-width joiner or non-joiner may not stand beside: ASCII, Latin script, white space,
 * a format character or the name's end. Between two other visible characters (an emoji sequence,
 * Persian or Devanagari letters) it changes how the text is drawn.
 */
const UNJOINED = String.raw`[\p{Script=Latin}\p{White_Space}\p{Cf}\p{Cc}\x00-\x7F]`
/** A zero-width joiner or non-joiner not inside an emoji sequence or a script that uses it. */
const STRAY_JOINER = new RegExp(
  String.raw`(?:^|${UNJOINED})[\u200C\u200D]|[\u200C\u200D](?:${UNJOINED}|$)`,
  'u',
)

const UNJOINED_CHARACTER = new RegExp(`^${UNJOINED}$`, 'u')

/**
 * `name` without what `holdsHiddenCharacters` refuses, for a name the console makes from another
 * (a rotation's replacement): joiners that draw an emoji or a script are kept.
 */
export function withoutHiddenCharacters(name: string): string {
  const characters = [...name.replace(/[\u200B\u2060\uFEFF]/gu, '')]
  const joins = (at: number) => {
    const before = characters[at - 1]
    const after = characters[at + 1]
    return (
      before !== undefined &&
      after !== undefined &&
      ![before, after].some((c) => UNJOINED_CHARACTER.test(c))
    )
  }
  return characters.filter((c, at) => !/[\u200C\u200D]/u.test(c) || joins(at)).join('')
}

/** True when the trimmed name holds a zero-width character the API refuses (D20). */
export function holdsHiddenCharacters(name: string): boolean {
  const trimmed = name.trim()
  return ZERO_WIDTH.test(trimmed) || STRAY_JOINER.test(trimmed)
}
