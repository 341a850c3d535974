import type { CreateTokenRequest } from '../api/create-api'
import { holdsHiddenCharacters } from '../common/hidden-name-characters'
import { CATALOG_SCOPES, covers, impliedRead } from '../common/scope-catalog'
import { DAY_MS } from '../common/token-state'

/** The API's limit on a name (D20): trimmed, 1 to 120 Unicode code points. */
export const NAME_MAX = 120

export const EXPIRY_PRESET_DAYS = [7, 30, 90] as const

export type ExpiryChoice =
  | { kind: 'days'; days: (typeof EXPIRY_PRESET_DAYS)[number] }
  /** A calendar day (`yyyy-mm-dd`, as a date field gives it): the token works until its end. */
  | { kind: 'date'; date: string }
  | { kind: 'never' }
  /** A span counted from now: a rotation offers the old token's lifetime (rotate/rotation.ts). */
  | { kind: 'lifetime'; ms: number }

export interface NewTokenForm {
  name: string
  /** The scopes ticked; a ticked `X:write` also grants `X:read` (see `grantedScopes`). */
  scopes: ReadonlySet<string>
  expiry: ExpiryChoice
}

export type FormField = 'name' | 'scopes' | 'expiry'
export type FormErrors = Partial<Record<FormField, string>>

/** Characters as the API counts them: code points of the trimmed name (an emoji is one). */
export function nameLength(name: string): number {
  return [...name.trim()].length
}

/**
 * The scopes the token will hold: the ticked ones and the read scope each ticked write scope
 * implies (the API would grant it anyway), in catalog order, then any the catalog does not know.
 */
export function grantedScopes(ticked: ReadonlySet<string>): string[] {
  const all = new Set(ticked)
  for (const scope of ticked) {
    const read = impliedRead(scope)
    if (read) all.add(read)
  }
  const known = CATALOG_SCOPES.filter((scope) => all.has(scope))
  return [...known, ...[...all].filter((scope) => !CATALOG_SCOPES.includes(scope))]
}

/**
 * When the token stops working: `null` for never, or `undefined` when the choice cannot be read
 * (an empty or impossible date). A calendar day means the end of that day in the browser's zone.
 */
export function expiryInstant(expiry: ExpiryChoice, now: number): Date | null | undefined {
  if (expiry.kind === 'never') return null
  if (expiry.kind === 'days') return new Date(now + expiry.days * DAY_MS)
  if (expiry.kind === 'lifetime') return new Date(now + expiry.ms)
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiry.date)
  if (!match) return undefined
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const end = new Date(year, month - 1, day, 23, 59, 59, 999)
  // `new Date` rolls Feb 30 over into March: such a day does not exist.
  return end.getMonth() === month - 1 && end.getDate() === day ? end : undefined
}

/** The date field's value for a day: `yyyy-mm-dd` in the browser's zone. */
export function calendarDay(at: number): string {
  const date = new Date(at)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** What is wrong with an expiry (`expiryInstant`'s answer), if anything: none, or one in the past. */
export function expiryError(expiresAt: Date | null | undefined, now: number): string | undefined {
  if (expiresAt === undefined) return 'Choose a date.'
  if (expiresAt !== null && expiresAt.getTime() <= now) return 'Choose a date in the future.'
  return undefined
}

/**
 * The form checked as the API will check it (§3.2, D20-D22), so most mistakes are caught before a
 * request: a name, at least one scope, only scopes the session's token covers, an expiry in the
 * future. Returns the request when there is nothing to fix.
 */
export function validateNewToken(
  form: NewTokenForm,
  heldScopes: readonly string[],
  now: number,
): { errors: FormErrors; request: CreateTokenRequest | null } {
  const errors: FormErrors = {}
  const length = nameLength(form.name)
  if (length === 0) errors.name = 'Give the token a name that says where it is used.'
  else if (length > NAME_MAX)
    errors.name = `Use at most ${NAME_MAX} characters (this one has ${length}).`
  else if (holdsHiddenCharacters(form.name))
    errors.name =
      'This name holds invisible zero-width characters, often brought by a paste: type it again.'

  const scopes = grantedScopes(form.scopes)
  const uncovered = scopes.filter((scope) => !covers(heldScopes, scope))
  if (scopes.length === 0) errors.scopes = 'Choose at least one scope.'
  else if (uncovered.length > 0)
    errors.scopes = `This console’s token cannot grant ${uncovered.join(', ')}.`

  const expiresAt = expiryInstant(form.expiry, now)
  const expiry = expiryError(expiresAt, now)
  if (expiry) errors.expiry = expiry

  if (Object.keys(errors).length > 0 || expiresAt === undefined) return { errors, request: null }
  return {
    errors,
    request: {
      name: form.name.trim(),
      scopes,
      ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
    },
  }
}
