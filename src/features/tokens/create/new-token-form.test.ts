import { describe, expect, it } from 'vitest'
import {
  calendarDay,
  expiryInstant,
  grantedScopes,
  nameLength,
  validateNewToken,
  type NewTokenForm,
} from './new-token-form'
import { DAY_MS } from '../common/token-state'

const now = Date.parse('2026-11-29T10:00:00.000Z')
const held = ['jobs:write', 'proposals:read']
const form = (patch: Partial<NewTokenForm> = {}): NewTokenForm => ({
  name: 'CI deploy',
  scopes: new Set(['jobs:read']),
  expiry: { kind: 'days', days: 30 },
  ...patch,
})

describe('validateNewToken', () => {
  it('builds the request: trimmed name, scopes in catalog order, expiry as UTC ISO', () => {
    const { errors, request } = validateNewToken(
      form({ name: '  CI deploy ', scopes: new Set(['proposals:read', 'jobs:write']) }),
      held,
      now,
    )
    expect(errors).toEqual({})
    expect(request).toEqual({
      name: 'CI deploy',
      scopes: ['jobs:read', 'jobs:write', 'proposals:read'],
      expiresAt: new Date(now + 30 * DAY_MS).toISOString(),
    })
  })

  it('sends no expiresAt for a token that never expires', () => {
    const { request } = validateNewToken(form({ expiry: { kind: 'never' } }), held, now)
    expect(request).not.toHaveProperty('expiresAt')
  })

  it('asks for a name, and counts characters as the API does', () => {
    expect(validateNewToken(form({ name: '   ' }), held, now).errors.name).toMatch(/name/)
    expect(validateNewToken(form({ name: '🔑'.repeat(120) }), held, now).errors).toEqual({})
    expect(validateNewToken(form({ name: 'x'.repeat(121) }), held, now).errors.name).toBe(
      'Use at most 120 characters (this one has 121).',
    )
    expect(nameLength(' 🚀 bot ')).toBe(5)
  })

  it('refuses the zero-width characters the API refuses (D20), but not a joiner an emoji needs', () => {
    for (const name of ['CI\u200Bdeploy', 'CI\u200Ddeploy', 'CI\u2060deploy', 'Laptop 👩\u200D']) {
      const { errors, request } = validateNewToken(form({ name }), held, now)
      expect(errors.name).toMatch(/invisible/)
      expect(request).toBeNull()
    }
    for (const name of ['Laptop 👩\u200D💻', 'کلید می\u200Cخواهم', ' \uFEFFCI deploy ']) {
      expect(validateNewToken(form({ name }), held, now).errors).toEqual({})
    }
  })

  it('asks for a scope, and refuses one the session’s token does not cover', () => {
    expect(validateNewToken(form({ scopes: new Set() }), held, now).errors.scopes).toBe(
      'Choose at least one scope.',
    )
    const { errors, request } = validateNewToken(
      form({ scopes: new Set(['proposals:write', 'webhooks:manage']) }),
      held,
      now,
    )
    expect(errors.scopes).toBe(
      'This console’s token cannot grant proposals:write, webhooks:manage.',
    )
    expect(request).toBeNull()
  })

  it('needs a readable expiry date in the future', () => {
    const date = (value: string) =>
      validateNewToken(form({ expiry: { kind: 'date', date: value } }), held, now).errors.expiry
    expect(date('')).toBe('Choose a date.')
    expect(date('2026-02-30')).toBe('Choose a date.')
    expect(date('2025-01-01')).toBe('Choose a date in the future.')
    expect(date(calendarDay(now + 3 * DAY_MS))).toBeUndefined()
  })
})

describe('grantedScopes', () => {
  it('adds the read scope a write scope implies, keeps unknown names last', () => {
    expect(grantedScopes(new Set(['team:write', 'x:custom', 'jobs:read']))).toEqual([
      'jobs:read',
      'team:read',
      'team:write',
      'x:custom',
    ])
  })
})

describe('expiryInstant', () => {
  it('ends a chosen day at its last millisecond, in the browser’s zone', () => {
    const end = expiryInstant({ kind: 'date', date: '2027-01-15' }, now)
    expect(end).toEqual(new Date(2027, 0, 15, 23, 59, 59, 999))
    expect(expiryInstant({ kind: 'days', days: 7 }, now)).toEqual(new Date(now + 7 * DAY_MS))
    expect(expiryInstant({ kind: 'never' }, now)).toBeNull()
  })
})
