import { describe, expect, it } from 'vitest'
import { checkTokenInput } from './token-format'

describe('checkTokenInput', () => {
  it('accepts a well-formed token and trims what a paste adds', () => {
    expect(checkTokenInput('  ot_pat_0123456789ab_AbCdEf123\n')).toEqual({
      token: 'ot_pat_0123456789ab_AbCdEf123',
    })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ghp_abcdef', 'wrong-prefix'],
    ['ot_clm_abc_def', 'wrong-prefix'],
    ['ot_pat_', 'malformed'],
    ['ot_pat_abc', 'malformed'],
    ['ot_pat_abc_de f', 'malformed'],
  ])('rejects %j as %s', (input, problem) => {
    expect(checkTokenInput(input)).toEqual({ problem })
  })
})
