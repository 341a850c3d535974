import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../lib/api-error'
import { describeRevokeError } from './describe-revoke-error'

const failure = (init: ConstructorParameters<typeof ApiError>[0]) =>
  describeRevokeError(new ApiError(init), 'CI')

describe('describeRevokeError', () => {
  it("quotes the server's message and request id for a 5xx", () => {
    expect(
      failure({
        status: 500,
        code: 'INTERNAL_ERROR',
        message: 'Database unavailable',
        requestId: 'req_1',
      }),
    ).toEqual({
      title: 'Could not revoke “CI”',
      description: 'Database unavailable Request ID: req_1',
      alreadyGone: false,
    })
  })

  it('tells how long to wait after a 429, from Retry-After', () => {
    const copy = failure({
      status: 429,
      code: 'RATE_LIMITED',
      message: 'Slow down',
      retryAfterSeconds: 30,
    })
    expect(copy.title).toBe('Too many requests: “CI” was not revoked')
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
    expect(copy.title).toBe('“CI” was already revoked or no longer exists')
    expect(copy.description).toContain('Request ID: req_2')
  })

  it('separates a timeout (outcome unknown) from a network failure (not sent)', () => {
    expect(failure({ status: null, code: 'TIMEOUT', message: 'No answer' }).description).toMatch(
      /may or may not be revoked/,
    )
    expect(failure({ status: null, code: 'NETWORK_ERROR', message: 'Offline' }).title).toBe(
      'Could not reach OpenTrain: “CI” was not revoked',
    )
  })

  it('stays generic for an error that is not from the API', () => {
    expect(describeRevokeError(new TypeError('x is undefined'), 'CI').description).toBe(
      'An unexpected error occurred.',
    )
  })
})
