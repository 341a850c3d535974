import { describe, expect, it } from 'vitest'
import { revocationToken } from './agent-routes.ts'
import { OAuthError } from './errors.ts'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const FORM = 'application/x-www-form-urlencoded'

describe('revocationToken (RFC 7009 body, D26)', () => {
  it('reads token from a form body and ignores token_type_hint', () => {
    expect(revocationToken(bytes('token=ot_pat_abc&token_type_hint=access_token'), FORM)).toBe(
      'ot_pat_abc',
    )
    expect(revocationToken(bytes('token=a%2Bb+c'), `${FORM}; charset=UTF-8`)).toBe('a+b c')
  })

  it('takes the first of repeated token fields', () => {
    expect(revocationToken(bytes('token=first&token=second'), FORM)).toBe('first')
  })

  it.each([
    ['an empty body', '', null],
    ['no token field', 'token_type_hint=access_token', FORM],
    ['an empty token', 'token=', FORM],
    ['a JSON body', '{"token":"ot_pat_abc"}', 'application/json'],
    ['a form body without content type', 'token=ot_pat_abc', null],
  ])('%s is invalid_request', (_label, body, type) => {
    const result = revocationToken(bytes(body), type)
    expect(result).toBeInstanceOf(OAuthError)
    expect(result).toMatchObject({ status: 400, error: 'invalid_request' })
  })

  it('invalid UTF-8 is invalid_request', () => {
    expect(revocationToken(new Uint8Array([0x74, 0x3d, 0xff]), FORM)).toMatchObject({ status: 400 })
  })
})
