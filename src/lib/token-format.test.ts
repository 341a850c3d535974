import { describe, expect, it } from 'vitest'
import {
  isPersonalToken,
  parseTokenInput,
  previewOf,
  redactSecrets,
  TokenFormatError,
} from './token-format'

const TOKEN = 'ot_pat_c3f90123abcd_AbCdEfGhIjKlMnOpQrStUvWxYz01bd21'

describe('parseTokenInput', () => {
  it('accepts a well-formed token and trims what a paste adds', () => {
    expect(parseTokenInput('  ot_pat_0123456789ab_AbCdEf123\n')).toBe(
      'ot_pat_0123456789ab_AbCdEf123',
    )
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ghp_abcdef', 'wrong-prefix'],
    ['ot_clm_abc_def', 'wrong-prefix'],
    ['ot_pat_', 'malformed'],
    ['ot_pat_abc', 'malformed'],
    ['ot_pat_abc_de f', 'malformed'],
  ])('rejects %j as %s, with a message that says what to fix', (input, problem) => {
    const error = (() => {
      try {
        parseTokenInput(input)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(TokenFormatError)
    expect(error).toMatchObject({ problem })
    expect((error as Error).message).not.toBe('')
  })
})

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

describe('redactSecrets', () => {
  it('cuts every OpenTrain credential down to its prefix', () => {
    expect(redactSecrets('a ot_pat_0123456789ab_AbC123 b ot_clm_xyzxyzxyz c')).toBe(
      'a ot_pat_[redacted] b ot_clm_[redacted] c',
    )
  })

  it('leaves masked previews and other text alone', () => {
    expect(redactSecrets('preview ot_pat_c3f9********bd21')).toBe('preview ot_pat_c3f9********bd21')
    expect(redactSecrets('no secrets here')).toBe('no secrets here')
  })
})
