import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SCOPE_CATALOG, type Scope } from './scopes.ts'
import { validateCreateToken, type CreateTokenValidation } from './validate-create-token.ts'

const now = Date.parse('2026-06-12T10:00:00.000Z')
const ALL: Scope[] = [...SCOPE_CATALOG]

function expectError(result: CreateTokenValidation, status: number, code: string) {
  if (result.ok) throw new Error(`expected ${status}, got ok ${JSON.stringify(result.value)}`)
  expect(result.error.status).toBe(status)
  expect(result.error.code).toBe(code)
  return result.error
}

function expectOk(result: CreateTokenValidation) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`)
  return result.value
}

describe('validateCreateToken', () => {
  it('fills the defaults for an empty body: "API token", the caller scopes, no expiry', () => {
    expect(expectOk(validateCreateToken({}, ['team:read', 'jobs:read'], now))).toEqual({
      name: 'API token',
      scopes: ['jobs:read', 'team:read'],
      expiresAt: null,
    })
  })

  it('D19: null means the same as leaving a field out', () => {
    expect(
      expectOk(
        validateCreateToken({ name: null, scopes: null, expiresAt: null }, ['jobs:read'], now),
      ),
    ).toEqual({ name: 'API token', scopes: ['jobs:read'], expiresAt: null })
  })

  it.each([null, [], 'x', 3, true])('rejects a non-object body %j', (body) => {
    expectError(validateCreateToken(body, ALL, now), 400, 'BAD_REQUEST')
  })

  it('ignores unknown fields', () => {
    expect(expectOk(validateCreateToken({ name: 'a', colour: 'red' }, ALL, now)).name).toBe('a')
  })

  describe('name (D20)', () => {
    it('is trimmed and stored trimmed', () => {
      expect(expectOk(validateCreateToken({ name: '  \t CI  \n' }, ALL, now)).name).toBe('CI')
    })

    it.each(['', '   ', '\n\t\u00a0\u2003'])('rejects empty or white-space-only %j', (name) => {
      expectError(validateCreateToken({ name }, ALL, now), 400, 'BAD_REQUEST')
    })

    it('counts Unicode code points, not UTF-16 units: 120 emoji pass, 121 fail', () => {
      expect(expectOk(validateCreateToken({ name: '🚀'.repeat(120) }, ALL, now)).name).toHaveLength(
        240,
      )
      expectError(validateCreateToken({ name: '🚀'.repeat(121) }, ALL, now), 400, 'BAD_REQUEST')
      expect(
        expectOk(validateCreateToken({ name: ` ${'a'.repeat(120)} ` }, ALL, now)).name,
      ).toHaveLength(120)
      expectError(validateCreateToken({ name: 'a'.repeat(121) }, ALL, now), 400, 'BAD_REQUEST')
    })

    it('rejects lone surrogates but accepts pairs', () => {
      expectError(validateCreateToken({ name: 'a\ud800b' }, ALL, now), 400, 'BAD_REQUEST')
      expectError(validateCreateToken({ name: '\udc00' }, ALL, now), 400, 'BAD_REQUEST')
      expect(expectOk(validateCreateToken({ name: '\ud83d\ude80' }, ALL, now)).name).toBe('🚀')
    })

    it.each([5, true, ['a'], { a: 1 }])('rejects a non-string name %j', (name) => {
      const error = expectError(validateCreateToken({ name }, ALL, now), 400, 'BAD_REQUEST')
      expect(error.details).toEqual({ field: 'name' })
    })

    it.each(['a\u0000b', 'esc \u001b[31m', 'two\nlines', 'del\u007f', 'c1 \u0085'])(
      'rejects a control character inside %j',
      (name) => {
        const error = expectError(validateCreateToken({ name }, ALL, now), 400, 'BAD_REQUEST')
        expect(error.details).toEqual({ field: 'name' })
      },
    )

    it.each(['\u200b', '\u200b\u200d\u2060', '\ufeff \u200c', '\u202e'])(
      'rejects an empty-looking name %j (zero-width and other format characters only)',
      (name) => {
        expectError(validateCreateToken({ name }, ALL, now), 400, 'BAD_REQUEST')
      },
    )

    it.each([
      'CI\u200Bdeploy',
      'CI deploy\u2060',
      'CI\uFEFFdeploy',
      'CI\u200Ddeploy',
      'CI\u200Cdeploy',
      '👩\u200D',
      '\u200D💻 laptop',
      'می \u200Cخواهم',
    ])('rejects a zero-width character a name has no use for in %j', (name) => {
      const error = expectError(validateCreateToken({ name }, ALL, now), 400, 'BAD_REQUEST')
      expect(error.details).toEqual({ field: 'name' })
      expect(error.message).toMatch(/zero-width/)
    })

    it.each([
      ['an emoji sequence', 'Laptop 👩\u200D💻'],
      [
        'an emoji sequence with a skin tone and a presentation selector',
        '👩🏽\u200D💻 🏳\uFE0F\u200D🌈',
      ],
      ['a Persian word with its non-joiner', 'کلید می\u200Cخواهم'],
      ['a Devanagari half form', 'क्\u200Dष'],
    ])('accepts a joiner where a script or emoji needs it: %s', (_case, name) => {
      expect(expectOk(validateCreateToken({ name }, ALL, now)).name).toBe(name)
    })

    it('accepts a visible name holding a bidi override: the console isolates it', () => {
      expect(expectOk(validateCreateToken({ name: 'a\u202eexe.txt' }, ALL, now)).name).toBe(
        'a\u202eexe.txt',
      )
    })

    it('accepts any 1-120 code point name after trimming, with no control character and something visible', () => {
      fc.assert(
        // Zero-width characters have rules of their own, tested above.
        fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 130 }), (raw) => {
          const name = raw.replace(/[\u200B-\u200D\u2060\uFEFF]/gu, '')
          const trimmed = name.trim()
          const result = validateCreateToken({ name }, ALL, now)
          const length = [...trimmed].length
          const visible = !/^[\p{White_Space}\p{Cf}]*$/u.test(trimmed)
          const controls = /\p{Cc}/u.test(trimmed)
          expect(result.ok).toBe(length >= 1 && length <= 120 && visible && !controls)
          if (result.ok) expect(result.value.name).toBe(trimmed)
        }),
      )
    })
  })

  describe('scopes (D21)', () => {
    it('drops duplicates and returns catalog order', () => {
      expect(
        expectOk(validateCreateToken({ scopes: ['team:read', 'jobs:read', 'team:read'] }, ALL, now))
          .scopes,
      ).toEqual(['jobs:read', 'team:read'])
    })

    it('rejects an empty array', () => {
      expectError(validateCreateToken({ scopes: [] }, ALL, now), 400, 'BAD_REQUEST')
    })

    it.each(['jobs:read', [1], ['jobs:read', null], { 0: 'jobs:read' }])(
      'rejects a non-string-array %j',
      (scopes) => {
        expectError(validateCreateToken({ scopes }, ALL, now), 400, 'BAD_REQUEST')
      },
    )

    it('reports unknown scopes with the supported catalog', () => {
      const error = expectError(
        validateCreateToken(
          { scopes: ['jobs:read', 'jobs:admin', 'JOBS:READ', 'jobs:admin'] },
          ALL,
          now,
        ),
        400,
        'BAD_REQUEST',
      )
      expect(error.details).toEqual({
        unknownScopes: ['jobs:admin', 'JOBS:READ'],
        supportedScopes: ALL,
      })
    })

    it('an unknown scope is a 400 even when others would escalate', () => {
      expectError(
        validateCreateToken({ scopes: ['payments:write', 'nope'] }, ['jobs:read'], now),
        400,
        'BAD_REQUEST',
      )
    })
  })

  describe('expiresAt (D22)', () => {
    it('normalises an offset to UTC milliseconds', () => {
      expect(
        expectOk(validateCreateToken({ expiresAt: '2026-09-01T02:00:00+02:00' }, ALL, now))
          .expiresAt,
      ).toBe(Date.parse('2026-09-01T00:00:00.000Z'))
    })

    it('must be strictly in the future', () => {
      expectError(
        validateCreateToken({ expiresAt: '2026-06-12T10:00:00.000Z' }, ALL, now),
        400,
        'BAD_REQUEST',
      )
      expectError(
        validateCreateToken({ expiresAt: '2020-01-01T00:00:00Z' }, ALL, now),
        400,
        'BAD_REQUEST',
      )
      expect(
        expectOk(validateCreateToken({ expiresAt: '2026-06-12T10:00:00.001Z' }, ALL, now))
          .expiresAt,
      ).toBe(now + 1)
    })

    it('has no upper bound', () => {
      expect(
        expectOk(validateCreateToken({ expiresAt: '9999-12-31T23:59:59Z' }, ALL, now)).expiresAt,
      ).toBe(Date.parse('9999-12-31T23:59:59Z'))
    })

    it.each(['2026-09-01', '2026-09-01T00:00:00', 'tomorrow', 1788220800000, true, ''])(
      'rejects %j',
      (expiresAt) => {
        const error = expectError(validateCreateToken({ expiresAt }, ALL, now), 400, 'BAD_REQUEST')
        expect(error.details).toEqual({ field: 'expiresAt' })
      },
    )
  })

  describe('escalation (D6)', () => {
    it('X:write covers X:read', () => {
      expect(
        expectOk(validateCreateToken({ scopes: ['jobs:read'] }, ['jobs:write'], now)).scopes,
      ).toEqual(['jobs:read'])
    })

    it('denies uncovered scopes with deniedScopes and grantedScopes', () => {
      const error = expectError(
        validateCreateToken(
          { scopes: ['jobs:read', 'jobs:write', 'webhooks:manage'] },
          ['team:read', 'jobs:read'],
          now,
        ),
        403,
        'FORBIDDEN',
      )
      expect(error.details).toEqual({
        deniedScopes: ['jobs:write', 'webhooks:manage'],
        grantedScopes: ['jobs:read', 'team:read'],
      })
    })
  })

  it('checks in the documented order: name, scopes, expiresAt, escalation', () => {
    const body = { name: '', scopes: ['nope'], expiresAt: 'x' }
    expect(expectError(validateCreateToken(body, [], now), 400, 'BAD_REQUEST').details).toEqual({
      field: 'name',
    })
    const noName = { scopes: ['nope'], expiresAt: 'x' }
    expect(
      expectError(validateCreateToken(noName, [], now), 400, 'BAD_REQUEST').details,
    ).toHaveProperty('unknownScopes')
    const badExpiry = { scopes: ['payments:write'], expiresAt: 'x' }
    expect(
      expectError(validateCreateToken(badExpiry, [], now), 400, 'BAD_REQUEST').details,
    ).toEqual({
      field: 'expiresAt',
    })
    expectError(validateCreateToken({ scopes: ['payments:write'] }, [], now), 403, 'FORBIDDEN')
  })
})
