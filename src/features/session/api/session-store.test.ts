import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEarlyGet, takeEarlyGet } from '../../../lib/http/early-responses'
import { endSession, getSessionSnapshot, startSession } from './session-store'

const URL_TOKENS = 'http://api.test/api/public/v1/tokens'
const server = setupServer(http.get(URL_TOKENS, () => HttpResponse.json({ tokens: [] })))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('the session store', () => {
  it('holds whether there is a session and why it ended, never a secret', () => {
    startSession()
    expect(getSessionSnapshot()).toEqual({ signedIn: true, signOutReason: null })
    endSession('token-revoked')
    expect(getSessionSnapshot()).toEqual({ signedIn: false, signOutReason: 'token-revoked' })
  })

  it('forgets an early answer nobody took when the session ends', () => {
    startSession()
    startEarlyGet(URL_TOKENS)
    endSession('token-invalid')
    expect(takeEarlyGet(URL_TOKENS)).toBeUndefined()
  })
})
