// Searching recorded text for secrets, and saying where they were found without ever printing one.

/** A secret a test handled, with the name its hits are reported under. */
export interface Secret {
  label: string
  value: string
}

/** A piece of text the browser or the server produced, and where it came from. */
export interface Place {
  where: string
  text: string
}

interface Needle {
  kind: string
  value: string
}

/** Characters a preview shows first: `ot_pat_` and 4 of the public id (D11). */
const PREVIEW_HEAD = 'ot_pat_'.length + 4
/** Characters a preview shows last: the token's last 4 (D11). */
const PREVIEW_TAIL = 4
/** A run this long of what the preview hides is still a leak (a log that cut the token short). */
const FRAGMENT_LENGTH = 12

/**
 * What counts as a hit for `ot_pat_<12 hex>_<32 base62>`: the whole token, its secret part (after
 * the last `_`) and any 12-character run of what its preview does not show. The preview itself
 * (`ot_pat_c3f9********bd21`) is public and matches none of them.
 */
function needlesOf(token: string): Needle[] {
  const hidden = token.slice(PREVIEW_HEAD, token.length - PREVIEW_TAIL)
  const fragments = Array.from({ length: hidden.length - FRAGMENT_LENGTH + 1 }, (_, start) => ({
    kind: `hidden characters ${start + PREVIEW_HEAD + 1}-${start + PREVIEW_HEAD + FRAGMENT_LENGTH}`,
    value: hidden.slice(start, start + FRAGMENT_LENGTH),
  }))
  return [
    { kind: 'whole token', value: token },
    { kind: 'secret part', value: token.slice(token.lastIndexOf('_') + 1) },
    ...fragments,
  ]
}

function occurrences(text: string, value: string): number {
  let count = 0
  for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) count += 1
  return count
}

/**
 * Every place that holds any part of a secret, as `where ← label: kind ×count` (one line per place
 * and secret: the first, longest needle that matched). Never the text itself.
 */
export function findLeaks(places: readonly Place[], secrets: readonly Secret[]): string[] {
  const needles = secrets.map((secret) => ({
    label: secret.label,
    needles: needlesOf(secret.value),
  }))
  const leaks: string[] = []
  for (const place of places) {
    for (const { label, needles: list } of needles) {
      const hit = list.find((needle) => place.text.includes(needle.value))
      if (hit) {
        leaks.push(`${place.where} ← ${label}: ${hit.kind} ×${occurrences(place.text, hit.value)}`)
      }
    }
  }
  return leaks
}

/**
 * How many places of each kind were searched (`request #3 (GET fetch) URL` and `signed out: DOM`
 * count as `request URL` and `DOM`): a report of a run that holds no secret.
 */
export function tallyPlaces(places: readonly Place[]): Record<string, number> {
  const tally: Record<string, number> = {}
  for (const { where } of places) {
    const kind = where
      .replace(/^.*: /, '')
      .replace(/ #\d+/, '')
      .replace(/ \([^)]*\)/, '')
    tally[kind] = (tally[kind] ?? 0) + 1
  }
  return tally
}
