import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { reviewItems } from './review-items'

const now = Date.parse('2026-12-05T12:00:00Z')
const inDays = (days: number) => new Date(now + days * 86_400_000).toISOString()

const tokens = [
  buildToken({
    id: 'tok_recent_read',
    name: 'Reporting',
    lastUsedAt: daysAgo(1, now),
    scopes: ['jobs:read'],
    expiresAt: inDays(60),
  }),
  buildToken({
    id: 'tok_me',
    name: 'Console',
    lastUsedAt: daysAgo(0, now),
    scopes: ['jobs:write'],
    expiresAt: null,
  }),
  buildToken({
    id: 'tok_never',
    name: 'Never used',
    lastUsedAt: null,
    scopes: ['jobs:read'],
    expiresAt: inDays(60),
  }),
  buildToken({
    id: 'tok_old',
    name: 'Old',
    lastUsedAt: daysAgo(120, now),
    scopes: ['jobs:read'],
    expiresAt: inDays(60),
  }),
  buildToken({
    id: 'tok_writer',
    name: 'Writer',
    lastUsedAt: daysAgo(2, now),
    scopes: ['webhooks:manage'],
    expiresAt: inDays(60),
  }),
  buildToken({
    id: 'tok_forever',
    name: 'Forever',
    lastUsedAt: daysAgo(3, now),
    scopes: ['jobs:read'],
    expiresAt: null,
  }),
  buildToken({
    id: 'tok_soon',
    name: 'Soon',
    lastUsedAt: daysAgo(3, now),
    scopes: ['jobs:read'],
    expiresAt: inDays(5),
  }),
  buildToken({
    id: 'tok_revoked',
    name: 'Gone',
    lastUsedAt: null,
    status: 'revoked',
    revokedAt: daysAgo(1, now),
  }),
  buildToken({ id: 'tok_expired', name: 'Ended', lastUsedAt: null, expiresAt: daysAgo(1, now) }),
]

describe('reviewItems', () => {
  const items = reviewItems(tokens, 'tok_me', now)

  it('lists every token that still works, the ones that need a decision first', () => {
    expect(items.map((item) => item.token.id)).toEqual([
      'tok_never',
      'tok_old',
      'tok_me',
      'tok_writer',
      'tok_forever',
      'tok_soon',
      'tok_recent_read',
    ])
  })

  it('says why each is flagged', () => {
    const flags = Object.fromEntries(items.map((item) => [item.token.id, item.flags]))
    expect(flags).toEqual({
      tok_never: ['never-used'],
      tok_old: ['unused-90-days'],
      tok_me: ['can-write', 'no-expiry', 'session'],
      tok_writer: ['can-write'],
      tok_forever: ['no-expiry'],
      tok_soon: ['expiring'],
      tok_recent_read: [],
    })
  })

  it('suggests Revoke for a token never used or unused for 90 days, and nothing for the others', () => {
    const suggested = items.filter((item) => item.suggestion === 'revoke')
    expect(suggested.map((item) => item.token.id)).toEqual(['tok_never', 'tok_old'])
  })

  it('never suggests revoking the session’s own token, however long unused', () => {
    const mine = buildToken({ id: 'tok_me', lastUsedAt: null, scopes: ['jobs:read'] })
    const [item] = reviewItems([mine], 'tok_me', now)
    expect(item?.flags).toContain('never-used')
    expect(item?.suggestion).toBeNull()
  })
})
