import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../../testing/token-fixture'
import { isRevocable, toggleSelection } from './selection'

const order = ['a', 'b', 'c', 'd', 'e']

describe('toggleSelection', () => {
  it('flips one row on a plain click', () => {
    expect([...toggleSelection(new Set(['a']), 'c', order, 'a', false)]).toEqual(['a', 'c'])
    expect([...toggleSelection(new Set(['a', 'c']), 'c', order, 'a', false)]).toEqual(['a'])
  })

  it('with Shift, sets every row from the anchor to the clicked one, either direction', () => {
    expect([...toggleSelection(new Set(['b']), 'd', order, 'b', true)].sort()).toEqual([
      'b',
      'c',
      'd',
    ])
    expect([...toggleSelection(new Set(), 'b', order, 'e', true)].sort()).toEqual([
      'b',
      'c',
      'd',
      'e',
    ])
  })

  it('with Shift on a selected row, clears the range to match it', () => {
    const all = new Set(order)
    expect([...toggleSelection(all, 'b', order, 'd', true)]).toEqual(['a', 'e'])
  })

  it('is a plain click when the anchor left the view (a filter changed)', () => {
    expect([...toggleSelection(new Set(), 'c', order, 'gone', true)]).toEqual(['c'])
    expect([...toggleSelection(new Set(), 'c', order, null, true)]).toEqual(['c'])
  })
})

describe('isRevocable', () => {
  const now = Date.now()
  it('is true for tokens that still work or whose state is unknown, false for history', () => {
    expect(isRevocable(buildToken({ id: 't1' }), now)).toBe(true)
    expect(isRevocable(buildToken({ id: 't2', status: 'suspended' }), now)).toBe(true)
    expect(
      isRevocable(buildToken({ id: 't3', status: 'revoked', revokedAt: daysAgo(1, now) }), now),
    ).toBe(false)
    expect(isRevocable(buildToken({ id: 't4', expiresAt: daysAgo(1, now) }), now)).toBe(false)
  })
})
