import { describe, expect, it } from 'vitest'
import { tokensSearchDefaults, tokensSearchSchema } from './search'

describe('tokensSearchSchema', () => {
  it('fills defaults for an empty URL', () => {
    expect(tokensSearchSchema.parse({})).toEqual(tokensSearchDefaults)
  })

  it('keeps valid values', () => {
    expect(
      tokensSearchSchema.parse({
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
      tokensSearchSchema.parse({
        status: 'bogus',
        q: 42,
        used: 'yesterday',
        sort: 'size',
        dir: 'up',
        details: { id: 'tok_1' },
      }),
    ).toEqual(tokensSearchDefaults)
    expect(tokensSearchSchema.parse({ status: 'revoked', sort: ['x'] })).toMatchObject({
      status: 'revoked',
      sort: 'lastUsed',
    })
  })

  it('never keeps a full token secret from a URL', () => {
    expect(tokensSearchSchema.parse({ q: 'ot_pat_0123456789ab_AbCdEfGhIjKlMnOp' }).q).toBe('')
    expect(
      tokensSearchSchema.parse({ details: 'ot_pat_0123456789ab_AbCdEfGhIjKlMnOp' }).details,
    ).toBe('')
  })
})
