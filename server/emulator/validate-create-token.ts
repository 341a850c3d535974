import { EmulatorError, badRequest } from './errors.ts'
import { parseIsoDateTime } from './iso-date-time.ts'
import { SCOPE_CATALOG, deniedScopes, isScope, normalizeScopes, type Scope } from './scopes.ts'

const DEFAULT_TOKEN_NAME = 'API token'
const MAX_NAME_CODE_POINTS = 120

interface CreateTokenInput {
  name: string
  scopes: Scope[]
  expiresAt: number | null
}

export type CreateTokenValidation =
  { ok: true; value: CreateTokenInput } | { ok: false; error: EmulatorError }

/** D20: zero-width characters no name needs: zero-width space, word joiner, zero-width no-break space. */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/u
/**
 * D20: what a zero-width joiner or non-joiner may not stand beside: ASCII, Latin script, white
 * space, a format character or the name's end. Between two other visible characters (an emoji
 * sequence, Persian or Devanagari letters) it changes how the text is drawn; elsewhere it hides.
 */
const UNJOINED = String.raw`[\p{Script=Latin}\p{White_Space}\p{Cf}\p{Cc}\x00-\x7F]`
const STRAY_JOINER = new RegExp(
  String.raw`(?:^|${UNJOINED})[\u200C\u200D]|[\u200C\u200D](?:${UNJOINED}|$)`,
  'u',
)

const fail = (error: EmulatorError): CreateTokenValidation => ({ ok: false, error })

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads an own field; `null` counts as absent (D19). */
function field(body: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(body, key) ? (body[key] ?? undefined) : undefined
}

/**
 * Validates a parsed `POST /tokens` body against the caller's scopes (contract §3.2, D19–D22).
 * Order: object → name → scopes (type, empty, unknown) → expiresAt → escalation (403).
 * The active-token cap (ACTIVE_TOKEN_CAP) needs the store and is checked by the route.
 */
export function validateCreateToken(
  body: unknown,
  callerScopes: readonly Scope[],
  nowMs: number,
): CreateTokenValidation {
  if (!isPlainObject(body)) return fail(badRequest('Request body must be a JSON object.'))

  let name = DEFAULT_TOKEN_NAME
  const rawName = field(body, 'name')
  if (rawName !== undefined) {
    if (typeof rawName !== 'string') {
      return fail(badRequest('name must be a string.', { field: 'name' }))
    }
    // A lone UTF-16 surrogate is not text: it could not be stored and read back unchanged.
    if (/\p{Cs}/u.test(rawName)) {
      return fail(badRequest('name must be valid Unicode text.', { field: 'name' }))
    }
    name = rawName.trim()
    const length = [...name].length
    if (length === 0) return fail(badRequest('name must not be empty.', { field: 'name' }))
    // D20: no control character (NUL, ESC, a line break inside, DEL, C1), and something visible:
    // a name of only zero-width or other format characters would show as nothing in a list.
    if (/\p{Cc}/u.test(name)) {
      return fail(badRequest('name must not hold control characters.', { field: 'name' }))
    }
    if (/^[\p{White_Space}\p{Cf}]*$/u.test(name)) {
      return fail(badRequest('name must have a visible character.', { field: 'name' }))
    }
    // D20: `CI\u200Bdeploy` looks like `CIdeploy` but is another name, which no one could type.
    if (ZERO_WIDTH.test(name) || STRAY_JOINER.test(name)) {
      return fail(
        badRequest(
          'name must not hold zero-width characters (a joiner is kept only inside an emoji sequence or a script that uses it).',
          { field: 'name' },
        ),
      )
    }
    if (length > MAX_NAME_CODE_POINTS) {
      return fail(
        badRequest(`name must be at most ${MAX_NAME_CODE_POINTS} characters.`, { field: 'name' }),
      )
    }
  }

  let scopes = normalizeScopes(callerScopes)
  const rawScopes = field(body, 'scopes')
  if (rawScopes !== undefined) {
    if (!Array.isArray(rawScopes) || !rawScopes.every((s): s is string => typeof s === 'string')) {
      return fail(badRequest('scopes must be an array of strings.', { field: 'scopes' }))
    }
    if (rawScopes.length === 0) {
      return fail(badRequest('scopes must not be empty.', { field: 'scopes' }))
    }
    const unknownScopes = [...new Set(rawScopes.filter((s) => !isScope(s)))]
    if (unknownScopes.length > 0) {
      return fail(
        badRequest(
          `Unknown scope${unknownScopes.length > 1 ? 's' : ''}: ${unknownScopes.join(', ')}.`,
          {
            unknownScopes,
            supportedScopes: [...SCOPE_CATALOG],
          },
        ),
      )
    }
    scopes = normalizeScopes(rawScopes.filter(isScope))
  }

  let expiresAt: number | null = null
  const rawExpiresAt = field(body, 'expiresAt')
  if (rawExpiresAt !== undefined) {
    const parsed = typeof rawExpiresAt === 'string' ? parseIsoDateTime(rawExpiresAt) : null
    if (parsed === null) {
      return fail(
        badRequest(
          'expiresAt must be an ISO-8601 date-time with a time zone, e.g. 2026-09-01T00:00:00.000Z.',
          { field: 'expiresAt' },
        ),
      )
    }
    if (parsed <= nowMs) {
      return fail(badRequest('expiresAt must be in the future.', { field: 'expiresAt' }))
    }
    expiresAt = parsed
  }

  const denied = deniedScopes(callerScopes, scopes)
  if (denied.length > 0) {
    return fail(
      new EmulatorError(
        403,
        'FORBIDDEN',
        `The calling token cannot grant ${denied.join(', ')}: a new token may not have more access than the token that creates it.`,
        { deniedScopes: denied, grantedScopes: normalizeScopes(callerScopes) },
      ),
    )
  }

  return { ok: true, value: { name, scopes, expiresAt } }
}
