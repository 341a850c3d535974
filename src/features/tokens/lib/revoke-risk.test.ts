import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { assessRevokeRisk, typedNameMatches } from './revoke-risk'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')
const risk = (overrides: Parameters<typeof buildToken>[0], isCurrentSession = false) =>
  assessRevokeRisk(buildToken(overrides), { isCurrentSession, now: NOW })

describe('assessRevokeRisk', () => {
  it('always asks for the name of the session’s own token', () => {
    expect(risk({ id: 'a', lastUsedAt: null }, true)).toEqual({
      typeToConfirm: true,
      reasons: ['current-session'],
    })
  })

  it('asks for the name after use in the last 24 hours', () => {
    expect(risk({ id: 'a', lastUsedAt: daysAgo(0.5, NOW) })).toEqual({
      typeToConfirm: true,
      reasons: ['used-recently'],
    })
    expect(risk({ id: 'a', lastUsedAt: daysAgo(2, NOW) }).typeToConfirm).toBe(false)
  })

  it('asks for the name when a write or webhook scope is held', () => {
    expect(
      risk({ id: 'a', lastUsedAt: daysAgo(30, NOW), scopes: ['jobs:read', 'payments:write'] })
        .reasons,
    ).toEqual(['write-scopes'])
    expect(
      risk({ id: 'a', lastUsedAt: daysAgo(30, NOW), scopes: ['webhooks:manage'] }).typeToConfirm,
    ).toBe(true)
  })

  it('needs only the click for never-used and expired tokens, whatever their scopes', () => {
    expect(risk({ id: 'a', lastUsedAt: null, scopes: ['jobs:write'] }).typeToConfirm).toBe(false)
    expect(
      risk({
        id: 'a',
        lastUsedAt: daysAgo(0.1, NOW),
        scopes: ['jobs:write'],
        expiresAt: daysAgo(0.05, NOW),
      }).typeToConfirm,
    ).toBe(false)
  })
})

describe('typedNameMatches', () => {
  it('ignores outer spaces and Unicode normalisation, but not case', () => {
    expect(typedNameMatches('  Old CI token ', 'Old CI token')).toBe(true)
    expect(typedNameMatches('Cafe\u0301', 'Caf\u00e9')).toBe(true)
    expect(typedNameMatches('old ci token', 'Old CI token')).toBe(false)
  })
})
