import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { dropEarlyGets, startEarlyGet, takeEarlyGet } from './early-responses'

const URL_TOKENS = 'http://api.test/api/public/v1/tokens'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
  dropEarlyGets()
})
afterAll(() => server.close())

describe('early responses', () => {
  it('sends the GET as the API client would, with the session cookie only, and hands its answer out once', async () => {
    let seen: Request | undefined
    server.use(
      http.get(URL_TOKENS, ({ request }) => {
        seen = request
        return HttpResponse.json({ tokens: [] })
      }),
    )
    startEarlyGet(URL_TOKENS)

    const early = takeEarlyGet(URL_TOKENS)
    expect(await (await early?.response)?.json()).toEqual({ tokens: [] })
    expect(seen?.headers.get('authorization')).toBeNull()
    expect(seen?.headers.get('accept')).toBe('application/json')
    expect(seen?.credentials).toBe('same-origin')
    expect(takeEarlyGet(URL_TOKENS)).toBeUndefined()
  })

  it('hands out nothing once the session has ended', () => {
    server.use(http.get(URL_TOKENS, () => HttpResponse.json({ tokens: [] })))
    startEarlyGet(URL_TOKENS)
    dropEarlyGets()
    expect(takeEarlyGet(URL_TOKENS)).toBeUndefined()
  })

  it('drops an answer nobody asked for within 30 seconds', () => {
    server.use(http.get(URL_TOKENS, () => HttpResponse.json({ tokens: [] })))
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000)
    startEarlyGet(URL_TOKENS)
    now.mockReturnValue(31_001)
    expect(takeEarlyGet(URL_TOKENS)).toBeUndefined()
  })

  it('keeps a failure for whoever takes the answer, without an unhandled rejection', async () => {
    server.use(http.get(URL_TOKENS, () => HttpResponse.error()))
    startEarlyGet(URL_TOKENS)
    await new Promise((resolve) => setTimeout(resolve, 50)) // failed before anyone asks
    await expect(takeEarlyGet(URL_TOKENS)?.response).rejects.toThrow()
  })
})
