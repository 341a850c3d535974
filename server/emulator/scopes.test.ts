import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  SCOPE_CATALOG,
  covers,
  deniedScopes,
  isScope,
  normalizeScopes,
  parseStoredScopes,
} from './scopes.ts'

describe('scope catalog', () => {
  it('has the 11 documented scopes in catalog order', () => {
    expect(SCOPE_CATALOG).toEqual([
      'jobs:read',
      'jobs:write',
      'proposals:read',
      'proposals:write',
      'messages:read',
      'messages:write',
      'payments:read',
      'payments:write',
      'team:read',
      'team:write',
      'webhooks:manage',
    ])
  })

  it('recognises only catalog names, case-sensitively', () => {
    expect(isScope('jobs:read')).toBe(true)
    expect(isScope('Jobs:read')).toBe(false)
    expect(isScope('jobs:admin')).toBe(false)
    expect(isScope('webhooks:read')).toBe(false)
  })

  it('normalizes to catalog order without duplicates', () => {
    expect(normalizeScopes(['team:read', 'jobs:read', 'team:read', 'jobs:write'])).toEqual([
      'jobs:read',
      'jobs:write',
      'team:read',
    ])
  })

  it('ignores unknown names in stored scope lists', () => {
    expect(parseStoredScopes('["team:read","bogus","jobs:read"]')).toEqual([
      'jobs:read',
      'team:read',
    ])
    expect(parseStoredScopes('{}')).toEqual([])
  })
})

describe('covers (no escalation)', () => {
  it('a scope covers itself', () => {
    for (const scope of SCOPE_CATALOG) expect(covers([scope], scope)).toBe(true)
  })

  it('X:write covers X:read of the same resource only', () => {
    expect(covers(['jobs:write'], 'jobs:read')).toBe(true)
    expect(covers(['jobs:write'], 'proposals:read')).toBe(false)
    expect(covers(['payments:write'], 'payments:read')).toBe(true)
  })

  it('X:read never covers X:write', () => {
    expect(covers(['jobs:read'], 'jobs:write')).toBe(false)
  })

  it('webhooks:manage covers only itself', () => {
    const others = SCOPE_CATALOG.filter((s) => s !== 'webhooks:manage')
    for (const scope of others) expect(covers(['webhooks:manage'], scope)).toBe(false)
    expect(covers(others, 'webhooks:manage')).toBe(false)
  })

  it('the full catalog covers everything, and granted scopes are never denied', () => {
    const subset = fc.subarray([...SCOPE_CATALOG])
    fc.assert(
      fc.property(subset, subset, (granted, requested) => {
        expect(deniedScopes(SCOPE_CATALOG, requested)).toEqual([])
        const denied = deniedScopes(granted, requested)
        for (const scope of denied) expect(granted).not.toContain(scope)
        for (const scope of requested.filter((s) => !denied.includes(s))) {
          expect(covers(granted, scope)).toBe(true)
        }
      }),
    )
  })
})
