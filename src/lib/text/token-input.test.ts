import { describe, expect, it } from 'vitest'
import { parseTokenInput, TokenFormatError } from './token-input'

describe('parseTokenInput', () => {
  it('accepts a well-formed token and trims what a paste adds', () => {
    expect(parseTokenInput('  ot_pat_0123456789ab_AbCdEf123\n')).toBe(
      'ot_pat_0123456789ab_AbCdEf123',
    )
  })

  const TOKEN = 'ot_pat_0123456789ab_AbCdEf123'
  it.each([
    ['a Bearer header', `Bearer ${TOKEN}`],
    ['a whole Authorization header', `Authorization: bearer ${TOKEN}`],
    ['double quotes', `"${TOKEN}"`],
    ['single quotes and a comma', `'${TOKEN}',`],
    ['typographic quotes', `“${TOKEN}”`],
    ['an environment line', `OT_API_TOKEN=${TOKEN}`],
    ['an exported, quoted environment line', `export OT_API_TOKEN="${TOKEN}"`],
    ['a JSON member', `"token": "${TOKEN}"`],
    ['a trailing full stop', `${TOKEN}.`],
    ['a zero-width space inside', TOKEN.replace('Ab', 'A\u200Bb')],
    ['a byte-order mark before', `\uFEFF${TOKEN}`],
  ])('signs in with the token alone from %s', (_paste, input) => {
    expect(parseTokenInput(`  ${input}\n`)).toBe(TOKEN)
  })

  it.each([
    ['', 'empty'],
    ['\u200B', 'empty'],
    ['Bearer ghp_abcdef', 'wrong-prefix'],
    [`${TOKEN} ${TOKEN}`, 'malformed'],
    [`my token is ${TOKEN}`, 'malformed'],
    [`${TOKEN}x y`, 'malformed'],
    [`Bearer ${TOKEN}_more`, 'malformed'],
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
