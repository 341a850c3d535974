import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { ApiError } from '../../../lib/http/api-error'
import { describeRevokeError } from './describe-revoke-error'

/** How a name appears in the copy: isolated, so a right-to-left or overriding name stays put. */
const CI = '“\u2068CI\u2069”'

const failure = (init: ConstructorParameters<typeof ApiError>[0]) =>
  describeRevokeError(new ApiError(init), 'CI')

describe('describeRevokeError', () => {
  it("says in its own words that the token still works, then quotes the server's message", () => {
    expect(
      failure({
        status: 500,
        code: 'INTERNAL_ERROR',
        message: 'boom ',
        requestId: 'req_1',
        fromServer: true,
      }),
    ).toEqual({
      title: `OpenTrain could not revoke ${CI}: it still works`,
      description: 'Server said: boom.',
      requestId: 'req_1',
      alreadyGone: false,
      unknownOutcome: false,
    })
    expect(
      failure({ status: 503, code: 'X', message: 'Try later!', fromServer: true }).description,
    ).toBe('Server said: Try later!')
    expect(failure({ status: 500, code: 'X', message: '  ', fromServer: true }).description).toBe(
      'No reason was given.',
    )
  })

  it("does not quote the console's own words as the server's (a 502 or 503 without an envelope)", () => {
    const message = 'The OpenTrain API answered 502 Bad Gateway.'
    const copy = failure({ status: 502, code: 'INTERNAL_ERROR', message })
    expect(copy.title).toBe(`OpenTrain could not revoke ${CI}: it still works`)
    expect(copy.description).toBe(message)
  })

  it('tells how long to wait after a 429, from Retry-After', () => {
    const copy = failure({
      status: 429,
      code: 'RATE_LIMITED',
      message: 'Slow down',
      retryAfterSeconds: 30,
    })
    expect(copy.title).toBe(`Too many requests: ${CI} was not revoked`)
    expect(copy.description).toBe('Try again in 30 seconds.')
    expect(failure({ status: 429, code: 'RATE_LIMITED', message: 'Slow down' }).description).toBe(
      'Wait a moment, then try again.',
    )
  })

  it('marks a 404 as already gone (D3)', () => {
    const copy = failure({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Token not found',
      requestId: 'req_2',
    })
    expect(copy.alreadyGone).toBe(true)
    expect(copy.title).toBe(`${CI} was already revoked or no longer exists`)
    expect(copy.requestId).toBe('req_2')
  })

  it.each([
    ['a timeout', { status: null, code: 'TIMEOUT' }],
    ['a connection dropped after the DELETE went out', { status: null, code: 'NETWORK_ERROR' }],
    ['a 2xx that does not confirm the revoke', { status: 200, code: 'UNCONFIRMED' }],
    ['a 2xx that cannot be read', { status: 200, code: 'INVALID_RESPONSE' }],
    ['a body cut off after a 200', { status: 200, code: 'NETWORK_ERROR' }],
  ])('calls %s an unknown outcome, never "not revoked"', (_label, init) => {
    const copy = failure({ ...init, message: 'No answer' })
    expect(copy.unknownOutcome).toBe(true)
    expect(copy.title).toBe(`Not confirmed: ${CI} may or may not be revoked`)
    expect(copy.description).toBe('No answer. The list now shows what OpenTrain holds.')
  })

  it('says a revoke tried offline was not sent', () => {
    vi.stubGlobal('navigator', { onLine: false })
    onTestFinished(() => {
      vi.unstubAllGlobals()
    })
    const copy = failure({ status: null, code: 'NETWORK_ERROR', message: 'Failed to fetch' })
    expect(copy.title).toBe(`You are offline: ${CI} was not revoked`)
    expect(copy.unknownOutcome).toBe(false)
  })

  it('says an unreadable error answer (a 502 from a proxy) did not revoke', () => {
    const copy = failure({ status: 502, code: 'INVALID_RESPONSE', message: 'Bad gateway' })
    expect(copy.unknownOutcome).toBe(false)
    expect(copy.title).toBe(`OpenTrain could not revoke ${CI}: it still works`)
  })

  it('isolates a name holding a bidi override, so it cannot reorder the title', () => {
    const copy = describeRevokeError(
      new ApiError({ status: 500, code: 'X', message: 'boom' }),
      'a\u202Eexe.txt',
    )
    expect(copy.title).toBe(
      'OpenTrain could not revoke “\u2068a\u202Eexe.txt\u2069”: it still works',
    )
  })

  it('stays generic for an error that is not from the API', () => {
    expect(describeRevokeError(new TypeError('x is undefined'), 'CI').description).toBe(
      'An unexpected error occurred.',
    )
  })
})
