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

  it('drops a search holding any part of a secret, with text around it or cut short', () => {
    for (const q of [
      'Bearer ot_pat_0123456789ab_AbCdEfGhIjKlMnOp',
      '"ot_pat_0123456789ab_AbCdEfGhIjKlMnOp".',
      'OT_API_TOKEN=ot_pat_0123456789ab_AbC',
      'ot_pat_0123456789ab_A',
    ]) {
      expect(read({ q }).q).toBe('')
    }
    // A preview, or what a preview starts with, is no secret.
    expect(read({ q: 'ot_pat_c3f9********bd21' }).q).toBe('ot_pat_c3f9********bd21')
    expect(read({ q: 'ot_pat_0123' }).q).toBe('ot_pat_0123')
  })
})
