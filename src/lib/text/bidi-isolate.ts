const FIRST_STRONG_ISOLATE = '\u2068'
const POP_DIRECTIONAL_ISOLATE = '\u2069'

/**
 * `text` wrapped in Unicode's first-strong isolate, for names put into plain strings (toasts,
 * titles, announcements) where a `<bdi>` cannot go: a right-to-left name, or one holding a bidi
 * override (`a\u202Eexe.txt`), then cannot reorder the words around it. The isolate ends any
 * embedding or override the name left open (UAX #9, rule X6a).
 */
export function bidiIsolate(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`
}
