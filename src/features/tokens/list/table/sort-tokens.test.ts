import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../../testing/token-fixture'
import { prepareNameOrder, sortTokens } from './sort-tokens'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')
const tokens = [
  buildToken({ id: 'b', name: 'beta', createdAt: daysAgo(10, NOW), lastUsedAt: daysAgo(5, NOW) }),
  buildToken({
    id: 'n',
    name: 'never',
    createdAt: daysAgo(3, NOW),
    lastUsedAt: null,
    expiresAt: daysAgo(-9, NOW),
  }),
  buildToken({
    id: 'a',
    name: 'Alpha 10',
    createdAt: daysAgo(20, NOW),
    lastUsedAt: daysAgo(1, NOW),
    expiresAt: daysAgo(-2, NOW),
  }),
  buildToken({
    id: 'c',
    name: 'alpha 9',
    createdAt: daysAgo(1, NOW),
    lastUsedAt: daysAgo(50, NOW),
  }),
]
const order = (...args: Parameters<typeof sortTokens> extends [unknown, ...infer R] ? R : never) =>
  sortTokens(tokens, ...args).map((token) => token.id)

describe('sortTokens', () => {
  it('counts never used as the oldest use: first oldest-first, last newest-first', () => {
    expect(order('lastUsed', 'desc')).toEqual(['a', 'b', 'c', 'n'])
    expect(order('lastUsed', 'asc')).toEqual(['n', 'c', 'b', 'a'])
  })

  it('counts never expiring as the latest expiry', () => {
    expect(order('expires', 'asc')).toEqual(['a', 'n', 'c', 'b'])
    expect(order('expires', 'desc')).toEqual(['c', 'b', 'n', 'a'])
  })

  it('puts a date it cannot read last in either direction', () => {
    const odd = [
      ...tokens,
      buildToken({ id: 'x', name: 'odd', createdAt: daysAgo(2, NOW), lastUsedAt: 'yesterday-ish' }),
    ]
    expect(sortTokens(odd, 'lastUsed', 'asc').at(-1)?.id).toBe('x')
    expect(sortTokens(odd, 'lastUsed', 'desc').at(-1)?.id).toBe('x')
  })

  it('sorts names naturally and case-insensitively', () => {
    expect(order('name', 'asc')).toEqual(['c', 'a', 'b', 'n'])
    expect(order('name', 'desc')).toEqual(['n', 'b', 'a', 'c'])
  })

  it('ranks names once and still sorts a list that brings new names', () => {
    prepareNameOrder(tokens)
    expect(order('name', 'asc')).toEqual(['c', 'a', 'b', 'n'])
    const more = [
      ...tokens,
      buildToken({ id: 'z', name: 'Aardvark', createdAt: daysAgo(4, NOW) }),
      buildToken({ id: 'y', name: 'gamma', createdAt: daysAgo(4, NOW) }),
    ]
    expect(sortTokens(more, 'name', 'asc').map((token) => token.id)).toEqual([
      'z',
      'c',
      'a',
      'b',
      'y',
      'n',
    ])
    // The ranks now cover the longer list; the shorter one still sorts the same way.
    expect(order('name', 'desc')).toEqual(['n', 'b', 'a', 'c'])
  })

  it('orders names the collator calls equal by the tie-break, newest first', () => {
    const same = [
      buildToken({ id: 'old', name: 'deploy', createdAt: daysAgo(9, NOW) }),
      buildToken({ id: 'new', name: 'Deploy', createdAt: daysAgo(1, NOW) }),
      buildToken({ id: 'mid', name: 'DEPLOY', createdAt: daysAgo(5, NOW) }),
    ]
    expect(sortTokens(same, 'name', 'asc').map((token) => token.id)).toEqual(['new', 'mid', 'old'])
    expect(sortTokens(same, 'name', 'desc').map((token) => token.id)).toEqual(['new', 'mid', 'old'])
  })

  it('sorts by creation date', () => {
    expect(order('created', 'desc')).toEqual(['c', 'n', 'b', 'a'])
  })

  it('does not mutate its input', () => {
    const before = tokens.map((token) => token.id)
    sortTokens(tokens, 'name', 'asc')
    expect(tokens.map((token) => token.id)).toEqual(before)
  })
})
