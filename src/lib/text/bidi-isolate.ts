const FIRST_STRONG_ISOLATE = '\u2068'
const POP_DIRECTIONAL_ISOLATE = '\u2069'

/**
 * `text` in Unicode's first-strong isolate, for names in plain strings (toasts, titles,
 * announcements) where a `<bdi>` cannot go: a right-to-left name, or one holding an override
 * (`a\u202Eexe.txt`), cannot reorder the words around it (UAX #9, X6a ends what it left open).
 */
export function bidiIsolate(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`
}
