import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error'
import { describeError, retryAfterText } from './describe-error'
import { TokenFormatError } from '../text/token-input'

const apiError = (status: number | null, code = 'X', extra: Partial<ApiError> = {}) =>
  new ApiError({ status, code, message: 'The server said no.', ...extra })

describe('describeError', () => {
  it.each([
    [apiError(null, 'NETWORK_ERROR'), 'Cannot reach OpenTrain', 'The server said no.'],
    [
      apiError(401),
      'Token not accepted',
      'OpenTrain did not accept this token: it is unknown, revoked or expired.',
    ],
    [apiError(403), 'Not allowed', 'The server said no.'],
    [apiError(404), 'Not found', 'The server said no.'],
    [apiError(200, 'INVALID_RESPONSE'), 'Unexpected answer', 'The server said no.'],
    [apiError(500), 'OpenTrain had a problem', 'The server said no.'],
    [apiError(502), 'OpenTrain had a problem', 'The server said no.'],
    [apiError(400), 'Request failed', 'The server said no.'],
  ])('describes %o', (error, title, message) => {
    expect(describeError(error)).toEqual({ title, message })
  })

  it('says how long to wait after a 429, when the server said', () => {
    expect(describeError(apiError(429, 'RATE_LIMITED', { retryAfterSeconds: 1 }))).toEqual({
      title: 'Too many requests',
      message: 'The server said no. Try again in 1 second.',
    })
    expect(describeError(apiError(429, 'RATE_LIMITED')).message).toBe(
      'The server said no. Wait a moment, then try again.',
    )
  })

  it('explains a pasted value that is not a token', () => {
    expect(describeError(new TokenFormatError('wrong-prefix'))).toEqual({
      title: 'Not a personal API token',
      message: new TokenFormatError('wrong-prefix').message,
    })
  })

  it('never shows the text of an unexpected error, which may hold anything', () => {
    const copy = describeError(new Error('ot_pat_0123456789ab_secretsecret at line 3'))
    expect(copy.title).toBe('Something went wrong')
    expect(JSON.stringify(copy)).not.toContain('ot_pat_')
  })
})

describe('retryAfterText', () => {
  it('is the one wording of a wait', () => {
    expect(retryAfterText(30)).toBe('Try again in 30 seconds.')
    expect(retryAfterText(1)).toBe('Try again in 1 second.')
    expect(retryAfterText(null)).toBe('Wait a moment, then try again.')
  })
})
