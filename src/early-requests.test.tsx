import { screen, waitFor, within } from '@testing-library/react'
import { signInForTest } from './testing/msw/serve-session'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { startEarlyRequests } from './early-requests'
import { apiBaseUrl } from './features/session/api/api-base'
import { takeEarlyGet } from './lib/http/early-responses'
import { SERVER_RENDER_ELEMENT_ID } from './lib/ssr/read-server-render'
import { createTestDb, type TestDb } from './testing/msw/db'
import { errorEnvelope, handlersFor, listTokensHandler } from './testing/msw/handlers'
import { server } from './testing/msw/server'
import { renderRoute } from './testing/render-route'

/** Counts `GET /tokens` and `GET /auth/me` as they reach the server. */
function counted(db: TestDb) {
  const calls = { tokens: 0, me: 0 }
  server.use(
    listTokensHandler(db, () => (calls.tokens += 1)),
    http.get('*/api/public/v1/auth/me', () => {
      calls.me += 1
      return HttpResponse.json(db.me)
    }),
    ...handlersFor(db),
  )
  return calls
}

/** Whatever a test started and the app did not take must not reach the next test. */
afterEach(() => {
  for (const path of ['/tokens', '/auth/me']) takeEarlyGet(`${apiBaseUrl()}${path}`)
})

describe('early requests', () => {
  it('sends GET /tokens and GET /auth/me before the app renders, and the page uses those answers', async () => {
    const calls = counted(createTestDb())
    signInForTest()

    startEarlyRequests('/tokens')
    await waitFor(() => expect(calls).toEqual({ tokens: 1, me: 1 }))

    const { user } = renderRoute('/tokens')
    expect(await screen.findByRole('grid')).toBeVisible()
    // The session menu comes after the first paint (LazySessionMenu), from the same early answer.
    expect(await within(screen.getByRole('banner')).findByText('Mira Chen')).toBeVisible()
    expect(calls).toEqual({ tokens: 1, me: 1 })

    // Used once: a refresh asks the server again.
    await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
    await waitFor(() => expect(calls.tokens).toBe(2))
  })

  it('sends nothing on a page the serve command rendered: it came with both answers', () => {
    const calls = counted(createTestDb())
    signInForTest()
    const rendered = document.createElement('script')
    rendered.type = 'application/json'
    rendered.id = SERVER_RENDER_ELEMENT_ID
    document.head.append(rendered)
    try {
      startEarlyRequests('/tokens')
      expect(takeEarlyGet(`${apiBaseUrl()}/tokens`)).toBeUndefined()
      expect(calls).toEqual({ tokens: 0, me: 0 })
    } finally {
      rendered.remove()
    }
  })

  it('shows a failed early request as the same error, with its request id, and retries', async () => {
    const db = createTestDb()
    let calls = 0
    server.use(
      http.get('*/api/public/v1/tokens', () => {
        calls += 1
        return calls === 1
          ? errorEnvelope(503, 'INTERNAL_ERROR', 'Token service is warming up', 'req-503-early')
          : HttpResponse.json({ tokens: [...db.tokens.values()] })
      }),
      ...handlersFor(db),
    )
    signInForTest()
    startEarlyRequests('/tokens')
    const { user } = renderRoute('/tokens')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Token service is warming up')
    expect(alert).toHaveTextContent('req-503-early')
    expect(calls).toBe(1)

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('grid')).toBeVisible()
    expect(calls).toBe(2)
  })

  it('signs out with the usual explanation when the early request answers 401', async () => {
    const db = createTestDb()
    const calls = counted(db)
    signInForTest()
    db.secret = 'ot_pat_revokedelsewhere_x' // the stored token stopped working
    startEarlyRequests('/tokens')
    const { router } = renderRoute('/tokens')

    expect(await screen.findByText(/this token is no longer valid/i)).toBeVisible()
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    expect(window.sessionStorage.length).toBe(0)
    // The serve command was asked to clear the session's cookies.
    await waitFor(() => expect(document.cookie).not.toContain('ot_signed_in=1'))
    expect(calls.tokens).toBe(1)
  })

  it('sends nothing without a session, or on another page', () => {
    startEarlyRequests('/tokens')
    expect(takeEarlyGet(`${apiBaseUrl()}/tokens`)).toBeUndefined()

    signInForTest()
    startEarlyRequests('/sign-in')
    expect(takeEarlyGet(`${apiBaseUrl()}/tokens`)).toBeUndefined()
    expect(takeEarlyGet(`${apiBaseUrl()}/auth/me`)).toBeUndefined()
  })
})
