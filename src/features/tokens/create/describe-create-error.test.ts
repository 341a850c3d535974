import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { ApiError } from '../../../lib/http/api-error'
import { describeCreateError } from './describe-create-error'

const apiError = (status: number, code: string, message: string, details?: object) =>
  new ApiError({
    status,
    code,
    message,
    requestId: 'req_1',
    details: details ? { ...details } : null,
  })

describe('describeCreateError', () => {
  it('puts unknown scopes next to the scopes, naming them', () => {
    const copy = describeCreateError(
      apiError(400, 'BAD_REQUEST', 'Unknown scopes.', { unknownScopes: ['jobs:admin'] }),
    )
    expect(copy).toEqual({
      field: 'scopes',
      message: 'Unknown scopes. Unknown: jobs:admin.',
      requestId: 'req_1',
      retryable: false,
    })
  })

  it('puts an escalation 403 next to the scopes, naming what is not covered', () => {
    const copy = describeCreateError(
      apiError(403, 'FORBIDDEN', 'Cannot grant scopes you do not hold.', {
        deniedScopes: ['payments:write'],
        grantedScopes: ['jobs:read'],
      }),
    )
    expect(copy.field).toBe('scopes')
    expect(copy.message).toBe('Cannot grant scopes you do not hold. Not covered: payments:write.')
  })

  it('puts a 400 on the field the server names', () => {
    expect(
      describeCreateError(apiError(400, 'BAD_REQUEST', 'Name too long.', { field: 'name' })).field,
    ).toBe('name')
    expect(
      describeCreateError(
        apiError(400, 'BAD_REQUEST', 'Not in the future.', { field: 'expiresAt' }),
      ).field,
    ).toBe('expiry')
  })

  it('puts the cap above the buttons, with the way out', () => {
    const copy = describeCreateError(
      apiError(409, 'CONFLICT', 'You already have 25 active tokens.', { limit: 25, active: 25 }),
    )
    expect(copy.field).toBeNull()
    expect(copy.message).toBe(
      'You already have 25 active tokens. Revoke a token you no longer need, then create this one.',
    )
  })

  it('keeps a 400 without a field, and an outage, on the form as a whole', () => {
    expect(describeCreateError(apiError(400, 'BAD_REQUEST', 'Body is not JSON.')).field).toBeNull()
    const outage = describeCreateError(apiError(503, 'UNAVAILABLE', 'Down for maintenance.'))
    expect(outage).toMatchObject({ field: null, retryable: true, requestId: 'req_1' })
  })

  it.each([
    ['a timeout', { status: null, code: 'TIMEOUT' }],
    ['a dropped connection', { status: null, code: 'NETWORK_ERROR' }],
    ['a 201 that cannot be read', { status: 201, code: 'INVALID_RESPONSE' }],
  ])('after %s, warns the token may exist and does not offer a blind retry', (_label, init) => {
    const copy = describeCreateError(new ApiError({ ...init, message: 'No answer.' }))
    expect(copy.retryable).toBe(false)
    expect(copy.field).toBeNull()
    expect(copy.message).toMatch(/^No answer\. OpenTrain may have created the token anyway/)
  })

  it('says a create tried offline was not sent, and may be sent again', () => {
    vi.stubGlobal('navigator', { onLine: false })
    onTestFinished(() => {
      vi.unstubAllGlobals()
    })
    const copy = describeCreateError(
      new ApiError({ status: null, code: 'NETWORK_ERROR', message: 'Failed to fetch' }),
    )
    expect(copy.message).toMatch(/^This browser is offline, so nothing was sent/)
    expect(copy.retryable).toBe(true)
  })
})
