import { describe, expect, it } from 'vitest'
import { parseTokenInput, TokenFormatError } from './token-input'

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
