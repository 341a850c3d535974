import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEarlyGet, takeEarlyGet } from '../../../lib/http/early-responses'
import { endSession, startSession } from './session-store'

const URL_TOKENS = 'http://api.test/api/public/v1/tokens'
const SECRET = 'ot_pat_0123456789ab_s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tAB'
const server = setupServer(http.get(URL_TOKENS, () => HttpResponse.json({ tokens: [] })))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('endSession', () => {
  it('forgets an early answer nobody took, and the secret it was sent with', () => {
    startSession(SECRET, { keepOnReload: false })
    startEarlyGet(URL_TOKENS, SECRET)
    endSession('token-invalid')
    expect(takeEarlyGet(URL_TOKENS, SECRET)).toBeUndefined()
  })
})
