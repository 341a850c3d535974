import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startEarlyGet, takeEarlyGet } from './early-responses'

const URL_TOKENS = 'http://api.test/api/public/v1/tokens'
const SECRET = 'ot_pat_0123456789ab_s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tAB'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

describe('early responses', () => {
  it('sends the GET as the API client would, and hands its answer out once', async () => {
    let seen: Request | undefined
    server.use(
      http.get(URL_TOKENS, ({ request }) => {
        seen = request
        return HttpResponse.json({ tokens: [] })
      }),
    )
    startEarlyGet(URL_TOKENS, SECRET)

    const early = takeEarlyGet(URL_TOKENS, SECRET)
    expect(await (await early?.response)?.json()).toEqual({ tokens: [] })
    expect(seen?.headers.get('authorization')).toBe(`Bearer ${SECRET}`)
    expect(seen?.headers.get('accept')).toBe('application/json')
    expect(seen?.credentials).toBe('omit')
    expect(takeEarlyGet(URL_TOKENS, SECRET)).toBeUndefined()
  })

  it('does not hand out an answer sent with another token, and drops it', () => {
    server.use(http.get(URL_TOKENS, () => HttpResponse.json({ tokens: [] })))
    startEarlyGet(URL_TOKENS, SECRET)
    expect(takeEarlyGet(URL_TOKENS, 'ot_pat_another_one')).toBeUndefined()
    expect(takeEarlyGet(URL_TOKENS, SECRET)).toBeUndefined()
  })

  it('drops an answer nobody asked for within 30 seconds', () => {
    server.use(http.get(URL_TOKENS, () => HttpResponse.json({ tokens: [] })))
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000)
    startEarlyGet(URL_TOKENS, SECRET)
    now.mockReturnValue(31_001)
    expect(takeEarlyGet(URL_TOKENS, SECRET)).toBeUndefined()
  })

  it('keeps a failure for whoever takes the answer, without an unhandled rejection', async () => {
    server.use(http.get(URL_TOKENS, () => HttpResponse.error()))
    startEarlyGet(URL_TOKENS, SECRET)
    await new Promise((resolve) => setTimeout(resolve, 50)) // failed before anyone asks
    await expect(takeEarlyGet(URL_TOKENS, SECRET)?.response).rejects.toThrow()
  })
})
