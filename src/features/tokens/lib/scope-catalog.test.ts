import { describe, expect, it } from 'vitest'
import { describeScope } from './scope-catalog'

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
