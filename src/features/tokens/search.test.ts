import { describe, expect, it } from 'vitest'
import { tokensSearchDefaults, validateTokensSearch } from './search'

/** A URL's search as the router hands it over: anything at all. */
const read = (search: Record<string, unknown>) =>
  validateTokensSearch(search as Parameters<typeof validateTokensSearch>[0])

describe('validateTokensSearch', () => {
  it('fills defaults for an empty URL', () => {
    expect(read({})).toEqual(tokensSearchDefaults)
  })

  it('keeps valid values', () => {
    expect(
      read({
        status: 'stale',
        q: 'ci',
        used: 'never',
        sort: 'name',
        dir: 'asc',
        details: 'tok_3f9a',
      }),
    ).toEqual({
      status: 'stale',
      q: 'ci',
      used: 'never',
      sort: 'name',
      dir: 'asc',
      details: 'tok_3f9a',
    })
  })

  it('degrades hand-edited nonsense to the defaults, field by field', () => {
    expect(
      read({
        status: 'bogus',
        q: 42,
        used: 'yesterday',
        sort: 'size',
        dir: 'up',
        details: { id: 'tok_1' },
      }),
    ).toEqual(tokensSearchDefaults)
    expect(read({ status: 'revoked', sort: ['x'] })).toMatchObject({
      status: 'revoked',
      sort: 'lastUsed',
    })
  })

  it('never keeps a full token secret from a URL', () => {
    expect(read({ q: 'ot_pat_0123456789ab_AbCdEfGhIjKlMnOp' }).q).toBe('')
    expect(read({ details: 'ot_pat_0123456789ab_AbCdEfGhIjKlMnOp' }).details).toBe('')
  })
})
