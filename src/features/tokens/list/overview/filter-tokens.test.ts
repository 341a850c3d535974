import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../../testing/token-fixture'
import { filterTokens } from './filter-tokens'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')
const tokens = [
  buildToken({
    id: 'tok_ci',
    name: 'CI deploy',
    scopes: ['jobs:write'],
    lastUsedAt: daysAgo(0, NOW),
  }),
  buildToken({ id: 'tok_old', name: 'Old laptop', lastUsedAt: daysAgo(300, NOW) }),
  buildToken({
    id: 'tok_soon',
    name: 'Reporting',
    expiresAt: daysAgo(-2, NOW),
    lastUsedAt: daysAgo(1, NOW),
  }),
  buildToken({ id: 'tok_exp', name: 'Trial', expiresAt: daysAgo(2, NOW) }),
  buildToken({ id: 'tok_rev', name: 'Leaked', status: 'revoked', revokedAt: daysAgo(2, NOW) }),
  buildToken({ id: 'tok_odd', name: 'Odd one', status: 'suspended' }),
  buildToken({ id: 'tok_rtl', name: 'מפתח 🔑 ключ', preview: 'ot_pat_91ab********77e2' }),
]
const ids = (status: Parameters<typeof filterTokens>[1]['status'], q = '') =>
  filterTokens(tokens, { status, q }, NOW).map((token) => token.id)

describe('filterTokens', () => {
  it('filters by derived state; the default view keeps a status it does not know (it may work)', () => {
    expect(ids('active')).toEqual(['tok_ci', 'tok_old', 'tok_soon', 'tok_odd', 'tok_rtl'])
    expect(ids('unknown')).toEqual(['tok_odd'])
    expect(ids('expiring')).toEqual(['tok_soon'])
    expect(ids('stale')).toEqual(['tok_old', 'tok_rtl'])
    expect(ids('expired')).toEqual(['tok_exp'])
    expect(ids('revoked')).toEqual(['tok_rev'])
    expect(ids('all')).toHaveLength(tokens.length)
  })

  it('keeps the tokens of one last-use bucket, with the status filter', () => {
    const used = (status: 'all' | 'active', bucket: 'day' | 'week' | 'older' | 'never') =>
      filterTokens(tokens, { status, q: '', used: bucket }, NOW).map((token) => token.id)
    expect(used('all', 'day')).toEqual(['tok_ci'])
    expect(used('all', 'week')).toEqual(['tok_soon'])
    expect(used('all', 'older')).toEqual(['tok_old'])
    expect(used('active', 'never')).toEqual(['tok_odd', 'tok_rtl'])
    expect(used('all', 'never')).toEqual(['tok_exp', 'tok_rev', 'tok_odd', 'tok_rtl'])
  })

  it('searches name, preview and scopes, case-insensitively, every word', () => {
    expect(ids('all', 'ci DEPLOY')).toEqual(['tok_ci'])
    expect(ids('all', 'jobs:write')).toEqual(['tok_ci'])
    expect(ids('all', '77e2')).toEqual(['tok_rtl'])
    expect(ids('all', 'ключ')).toEqual(['tok_rtl'])
    expect(ids('all', 'deploy nothing')).toEqual([])
  })

  it('finds a token by its id, whole or begun, with other words (the details offer "Copy ID")', () => {
    expect(ids('all', 'tok_ci')).toEqual(['tok_ci'])
    expect(ids('all', ' TOK_REV ')).toEqual(['tok_rev'])
    expect(ids('all', 'tok_o')).toEqual(['tok_old', 'tok_odd'])
    expect(ids('all', 'tok_o laptop')).toEqual(['tok_old'])
    // Only a word that starts like an id looks at ids: `tok` is in no name, preview or scope.
    expect(ids('all', 'tok')).toEqual([])
  })

  it('matches names through invisible format characters, on either side', () => {
    const hidden = [buildToken({ id: 'tok_zw', name: 'CI\u200Bdeploy' })]
    expect(filterTokens(hidden, { status: 'all', q: 'cideploy' }, NOW)).toEqual(hidden)
    expect(filterTokens(hidden, { status: 'all', q: 'ci\u2060deploy' }, NOW)).toEqual(hidden)
  })
})
