import { describe, expect, it } from 'vitest'
import { CATALOG_SCOPES, covers, describeScope, impliedRead } from './scope-catalog'

describe('describeScope', () => {
  it('says what a catalog scope grants', () => {
    expect(describeScope('team:read')).toEqual({
      name: 'team:read',
      grants: 'Read team members',
      alsoCovers: null,
    })
  })

  it('names the read scope a write scope covers', () => {
    expect(describeScope('payments:write').alsoCovers).toBe('payments:read')
  })

  it('gives webhooks:manage no implied scope: it covers only itself', () => {
    expect(describeScope('webhooks:manage').alsoCovers).toBeNull()
  })

  it('keeps a name it does not know, without inventing what it grants', () => {
    expect(describeScope('reports:write')).toEqual({
      name: 'reports:write',
      grants: null,
      alsoCovers: null,
    })
  })
})

describe('covers (no escalation, §3.2)', () => {
  const held = ['jobs:write', 'proposals:read', 'webhooks:manage']

  it('covers a held scope', () => {
    expect(covers(held, 'jobs:write')).toBe(true)
    expect(covers(held, 'proposals:read')).toBe(true)
    expect(covers(held, 'webhooks:manage')).toBe(true)
  })

  it('covers the read scope of a held write scope, and nothing else of that resource', () => {
    expect(covers(held, 'jobs:read')).toBe(true)
    expect(covers(held, 'proposals:write')).toBe(false)
  })

  it('never lets a read scope cover its write scope, nor webhooks:manage anything else', () => {
    expect(covers(['payments:read'], 'payments:write')).toBe(false)
    expect(covers(['webhooks:manage'], 'webhooks:read')).toBe(false)
    expect(covers([], 'team:read')).toBe(false)
  })

  it('matches every catalog scope against a holder of all of them', () => {
    expect(CATALOG_SCOPES.every((scope) => covers(CATALOG_SCOPES, scope))).toBe(true)
    expect(CATALOG_SCOPES).toHaveLength(11)
  })
})

describe('impliedRead', () => {
  it('gives the read scope of a write scope', () => {
    expect(impliedRead('team:write')).toBe('team:read')
    expect(impliedRead('team:read')).toBeNull()
    expect(impliedRead('reports:write')).toBeNull()
  })
})
