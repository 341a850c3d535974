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
  describe('drops a search holding a secret in any shape OpenTrain issues (§1, D11)', () => {
    const TOKEN = 'ot_pat_0123456789ab_AbCdEfGhIjKlMnOpQrStUvWxYz012345'
    const BODY = TOKEN.slice('ot_pat_'.length)
    const SECRET = BODY.slice('0123456789ab_'.length)
    const RUN_32 = 'Zq9XwV8uT7sR6qP5oN4mL3kJ2iH1gF0e'
    it.each([
      ['a whole token', TOKEN],
      ['a Bearer header', `Bearer ${TOKEN}`],
      ['a whole Authorization header', `Authorization: Bearer ${TOKEN}`],
      ['a quoted token with a full stop', `"${TOKEN}".`],
      ['an environment line', `OT_API_TOKEN=${TOKEN}`],
      ['a token cut short in its secret', 'ot_pat_0123456789ab_AbC'],
      ['a token cut short in its public id', 'ot_pat_0123456789'],
      ['the part after the prefix', BODY],
      ['the secret part alone', SECRET],
      ['the secret with text around it', `ci ${SECRET} deploy`],
      ['a zero-width space inside the secret', TOKEN.replace('AbCd', 'Ab\u200BCd')],
      ['a zero-width space inside the prefix', `ot_\u200Bpat_0123456789ab_AbC`],
      ['a byte-order mark and a soft hyphen', `\uFEFFot_pat_0123\u00AD456789ab_AbC`],
      ['underscores percent-encoded', TOKEN.replaceAll('_', '%5F')],
      ['underscores percent-encoded, cut short', 'ot%5fpat%5f0123456789ab%5fAbC'],
      ['full-width characters', 'ｏｔ＿ｐａｔ＿０１２３４５６７８９ａｂ＿ＡｂＣ'],
      ['a token broken across lines', `${TOKEN.slice(0, 25)}\n${TOKEN.slice(25)}`],
      ['a token in capitals', TOKEN.toUpperCase()],
      ['an RFC 7009 revoke body', `token=${TOKEN}&token_type_hint=access_token`],
      ['a claim token', `ot_clm_${RUN_32}`],
      ['a claim-attempt token', `ot_cat_${RUN_32}`],
      ['a platform install token', `ot_ptk_${RUN_32}`],
      ['a webhook signing secret', `whsec_${RUN_32}`],
    ])('%s', (_shape, q) => {
      expect(read({ q }).q).toBe('')
    })

    it.each([
      ['a preview', 'ot_pat_c3f9********bd21'],
      ['what a preview starts with', 'ot_pat_0123'],
      ['words', 'ci deploy payments:write'],
      ['a token id (D10)', 'tok_abcdefghij234567abcd'],
      ['a longer id, as the real API may give (D10)', 'tok_01ARZ3NDEKTSV4RRFFQ69G5FAV'],
      ['a long word', 'Donaudampfschifffahrt'],
      ['a name with a joiner', 'می\u200Cخواهم 👩\u200D💻'],
    ])('but keeps %s', (_shape, q) => {
      expect(read({ q }).q).toBe(q)
    })

    it('keeps a long id in a details link, and drops a secret there', () => {
      const details = 'tok_01ARZ3NDEKTSV4RRFFQ69G5FAV'
      expect(read({ details }).details).toBe(details)
      expect(read({ details: `tok_abc-${SECRET}` }).details).toBe('')
    })
  })
})
