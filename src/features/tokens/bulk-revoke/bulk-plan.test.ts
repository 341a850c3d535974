import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { planBulkRevoke, typedCountMatches } from './bulk-plan'

const now = Date.now()
const session = buildToken({ id: 'tok_me', lastUsedAt: daysAgo(0, now), scopes: ['jobs:write'] })
const selected = [
  buildToken({ id: 'tok_a', lastUsedAt: daysAgo(0.5, now), scopes: ['jobs:read'] }),
  session,
  buildToken({ id: 'tok_b', lastUsedAt: daysAgo(200, now), scopes: ['webhooks:manage'] }),
  buildToken({ id: 'tok_c', lastUsedAt: null, scopes: ['jobs:write'] }),
]

describe('planBulkRevoke', () => {
  it('leaves the session’s own token out by default, and counts recent use and write scopes', () => {
    const plan = planBulkRevoke(selected, 'tok_me', false, now)
    expect(plan.tokens.map((token) => token.id)).toEqual(['tok_a', 'tok_b', 'tok_c'])
    expect(plan.session?.id).toBe('tok_me')
    expect(plan.usedRecently).toBe(1)
    expect(plan.canWrite).toBe(2)
  })

  it('puts the session’s own token last when it is included', () => {
    const plan = planBulkRevoke(selected, 'tok_me', true, now)
    expect(plan.tokens.map((token) => token.id)).toEqual(['tok_a', 'tok_b', 'tok_c', 'tok_me'])
    expect(plan.usedRecently).toBe(2)
    expect(plan.canWrite).toBe(3)
  })

  it('has no session token when it is not selected', () => {
    const plan = planBulkRevoke(selected.slice(0, 1), 'tok_me', true, now)
    expect(plan.session).toBeNull()
    expect(plan.tokens).toHaveLength(1)
  })

  it('asks for the count typed when another token was used in the last 24 hours or can write', () => {
    expect(planBulkRevoke(selected, 'tok_me', false, now).countPhrase).toBe('revoke 3')
    expect(planBulkRevoke(selected, 'tok_me', true, now).countPhrase).toBe('revoke 4')
    // Stale and read-only, or never used (nothing can break, as for a single revoke): one click.
    const quiet = [selected[2]!, selected[3]!].map((token) => ({ ...token, scopes: ['jobs:read'] }))
    expect(planBulkRevoke(quiet, 'tok_me', false, now).countPhrase).toBeNull()
    expect(planBulkRevoke([selected[3]!], 'tok_me', false, now).countPhrase).toBeNull()
    // The session's own token asks for its name, not for the count.
    expect(planBulkRevoke([session, ...quiet], 'tok_me', true, now).countPhrase).toBeNull()
  })
})

describe('typedCountMatches', () => {
  it('forgives case and extra spaces, nothing else', () => {
    expect(typedCountMatches('revoke 17', 'revoke 17')).toBe(true)
    expect(typedCountMatches('  Revoke   17 ', 'revoke 17')).toBe(true)
    expect(typedCountMatches('REVOKE 17', 'revoke 17')).toBe(true)
    expect(typedCountMatches('revoke 1', 'revoke 17')).toBe(false)
    expect(typedCountMatches('revoke17', 'revoke 17')).toBe(false)
    expect(typedCountMatches('17', 'revoke 17')).toBe(false)
  })
})
