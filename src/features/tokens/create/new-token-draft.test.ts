import { describe, expect, it } from 'vitest'
import { EMPTY_NEW_TOKEN, hasChanges } from './new-token-draft'

describe('hasChanges', () => {
  it('is false for the form as it opens, and for a name of spaces alone', () => {
    expect(hasChanges(EMPTY_NEW_TOKEN)).toBe(false)
    expect(hasChanges({ ...EMPTY_NEW_TOKEN, name: '   ' })).toBe(false)
  })

  it('is true once a name, a scope or another expiry is chosen', () => {
    expect(hasChanges({ ...EMPTY_NEW_TOKEN, name: 'CI' })).toBe(true)
    expect(hasChanges({ ...EMPTY_NEW_TOKEN, scopes: new Set(['jobs:read']) })).toBe(true)
    expect(hasChanges({ ...EMPTY_NEW_TOKEN, expiry: { kind: 'days', days: 7 } })).toBe(true)
    expect(hasChanges({ ...EMPTY_NEW_TOKEN, expiry: { kind: 'never' } })).toBe(true)
    expect(hasChanges({ ...EMPTY_NEW_TOKEN, expiry: { kind: 'date', date: '' } })).toBe(true)
  })
})
