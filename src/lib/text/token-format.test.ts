import { describe, expect, it } from 'vitest'
import {
  holdsSecret,
  isPersonalToken,
  personalTokensIn,
  previewOf,
  redactSecrets,
  withoutSecretParts,
  withPreviews,
} from './token-format'

const TOKEN = 'ot_pat_c3f90123abcd_AbCdEfGhIjKlMnOpQrStUvWxYz01bd21'

describe('isPersonalToken and previewOf', () => {
  it('recognise a pasted token and give its masked preview (D11)', () => {
    expect(isPersonalToken(` ${TOKEN} `)).toBe(true)
    expect(previewOf(` ${TOKEN} `)).toBe('ot_pat_c3f9********bd21')
  })

  it('leave ordinary text and previews alone', () => {
    expect(isPersonalToken('ci deploy')).toBe(false)
    expect(isPersonalToken('ot_pat_c3f9********bd21')).toBe(false)
    expect(isPersonalToken('ot_pat_c3f9')).toBe(false)
  })
})

describe('secrets in search text', () => {
  const pasted = [
    [`"${TOKEN}"`, '"ot_pat_c3f9********bd21"'],
    [`Bearer ${TOKEN}`, 'Bearer ot_pat_c3f9********bd21'],
    [`OT_API_TOKEN=${TOKEN}`, 'OT_API_TOKEN=ot_pat_c3f9********bd21'],
    [`${TOKEN}.`, 'ot_pat_c3f9********bd21.'],
    [`two ${TOKEN} ${TOKEN}`, 'two ot_pat_c3f9********bd21 ot_pat_c3f9********bd21'],
    [TOKEN.replace('pat_', 'pat_\u200B'), 'ot_pat_c3f9********bd21'],
    [TOKEN.replaceAll('_', '%5F'), 'ot_pat_c3f9********bd21'],
    [`key ${TOKEN.slice(7)}`, 'key c3f90123abcd_'],
    [`hook whsec_${TOKEN.slice(-32)}`, 'hook whsec_'],
  ]
  it.each(pasted)('a paste of %j becomes %j: each token its preview', (text, masked) => {
    expect(holdsSecret(text)).toBe(true)
    expect(withPreviews(text)).toBe(masked)
  })

  it('keeps nothing of a secret typed character by character: only what its preview starts with', () => {
    for (let end = 1; end <= TOKEN.length; end++) {
      const typed = `key ${TOKEN.slice(0, end)}`
      const safe = withoutSecretParts(typed)
      const secret = TOKEN.slice('ot_pat_c3f90123abcd_'.length, end)
      if (secret !== '') expect(safe).not.toContain(secret)
      expect(safe.startsWith('key ot_pat_'.slice(0, Math.min(end + 4, 11)))).toBe(true)
    }
    expect(withoutSecretParts(`x ${TOKEN} y`)).toBe('x ot_pat_c3f9 y')
  })

  it('leaves previews, their start and other text alone', () => {
    for (const text of ['ot_pat_c3f9********bd21', 'ot_pat_c3f9', 'ot_pat_', 'ci deploy']) {
      expect(holdsSecret(text)).toBe(false)
      expect(withPreviews(text)).toBe(text)
      expect(withoutSecretParts(text)).toBe(text)
    }
  })

  it('cuts a token begun past its preview’s start, even before its secret begins', () => {
    expect(withoutSecretParts('ot_pat_c3f90123abcd_')).toBe('ot_pat_c3f9')
    expect(withoutSecretParts('ot_pat_ab_cdef')).toBe('ot_pat_ab')
    expect(withPreviews('ot_pat_c3f90123')).toBe('ot_pat_c3f9')
  })
})

describe('personalTokensIn', () => {
  it('finds the whole tokens a paste brings, through invisible characters and encoded underscores', () => {
    expect(personalTokensIn(`Bearer ${TOKEN}.`)).toEqual([TOKEN])
    expect(personalTokensIn(`"\u200B${TOKEN.replace('_c3', '_\u200Bc3')}"`)).toEqual([TOKEN])
    expect(personalTokensIn(TOKEN.replaceAll('_', '%5f'))).toEqual([TOKEN])
    expect(personalTokensIn('ot_pat_c3f9********bd21 or ot_pat_c3f9')).toEqual([])
  })
})

describe('redactSecrets', () => {
  it('cuts every OpenTrain credential down to its prefix', () => {
    expect(
      redactSecrets('a ot_pat_0123456789ab_AbC123 b ot_clm_xyzxyzxyz c whsec_AbCdEfGh123'),
    ).toBe('a ot_pat_[redacted] b ot_clm_[redacted] c whsec_[redacted]')
  })

  it('leaves masked previews and other text alone', () => {
    expect(redactSecrets('preview ot_pat_c3f9********bd21')).toBe('preview ot_pat_c3f9********bd21')
    expect(redactSecrets('no secrets here')).toBe('no secrets here')
  })
})
