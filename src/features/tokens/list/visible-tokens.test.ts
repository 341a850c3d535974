import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { tokensSearchDefaults, type TokensSearch } from '../common/search'
import { sortTokens } from './table/sort-tokens'
import { visibleTokens as filterSorted } from './visible-tokens'

const now = Date.parse('2026-11-28T12:00:00.000Z')
const used = (id: string, days: number) =>
  buildToken({ id, name: id, lastUsedAt: daysAgo(days, now) })
const active = [used('recent', 1), used('older', 5), used('oldest', 9)]
const revokedHere = { ...used('older', 5), status: 'revoked', revokedAt: daysAgo(0, now) }
const afterRevoke = [active[0]!, revokedHere, active[2]!]
const activeView: TokensSearch = { ...tokensSearchDefaults }
const ids = (tokens: { id: string }[]) => tokens.map((token) => token.id)
/** As the page does it: sort for the view, then filter. */
const visibleTokens = (
  tokens: Parameters<typeof sortTokens>[0],
  view: TokensSearch,
  at: number,
  kept: ReadonlySet<string>,
) => filterSorted(sortTokens(tokens, view.sort, view.dir), view, at, kept)

describe('visibleTokens', () => {
  it('shows what the filter matches, in the chosen order', () => {
    expect(ids(visibleTokens(active, activeView, now, new Set()))).toEqual([
      'recent',
      'older',
      'oldest',
    ])
    expect(
      ids(visibleTokens(active, { ...activeView, sort: 'lastUsed', dir: 'asc' }, now, new Set())),
    ).toEqual(['oldest', 'older', 'recent'])
  })

  it('drops a revoked row from the Active view unless it was revoked from this view', () => {
    expect(ids(visibleTokens(afterRevoke, activeView, now, new Set()))).toEqual([
      'recent',
      'oldest',
    ])
    const kept = visibleTokens(afterRevoke, activeView, now, new Set(['older']))
    expect(ids(kept)).toEqual(['recent', 'older', 'oldest']) // in its sorted place, not at the end
    expect(kept[1]).toBe(revokedHere) // shown as it is now: revoked
  })

  it('keeps a row only while it exists, and never twice', () => {
    expect(ids(visibleTokens(afterRevoke, activeView, now, new Set(['gone'])))).toEqual([
      'recent',
      'oldest',
    ])
    const all = { ...activeView, status: 'all' as const }
    expect(ids(visibleTokens(afterRevoke, all, now, new Set(['older'])))).toEqual([
      'recent',
      'older',
      'oldest',
    ])
  })

  it('applies the search to matching rows, not to kept ones', () => {
    const searched = { ...activeView, q: 'recent' }
    expect(ids(visibleTokens(afterRevoke, searched, now, new Set(['older'])))).toEqual([
      'recent',
      'older',
    ])
  })
})

describe('visibleTokens with tokens created from the view', () => {
  it('puts them first, whatever the sort and the filter say, and never twice', () => {
    const fresh = buildToken({ id: 'fresh', name: 'fresh' }) // never used: sorts last
    const tokens = [...active, fresh]
    const view = { ...activeView, q: 'old' } // the search does not match it either
    expect(
      ids(
        filterSorted(
          sortTokens(tokens, 'lastUsed', 'desc'),
          view,
          now,
          new Set(),
          new Set(['fresh']),
        ),
      ),
    ).toEqual(['fresh', 'older', 'oldest'])
  })
})
