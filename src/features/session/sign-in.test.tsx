import { screen, waitFor, within } from '@testing-library/react'
import { sessionCookieSecret, signInForTest } from '../../testing/msw/serve-session'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createTestDb, TEST_SECRET } from '../../testing/msw/db'
import { errorEnvelope, handlersFor } from '../../testing/msw/handlers'
import { server } from '../../testing/msw/server'
import { renderRoute } from '../../testing/render-route'
import { deferred } from '../../testing/deferred'

describe('sign-in', () => {
  it('sends a signed-out visitor to sign-in and back to the page they asked for', async () => {
    const db = createTestDb()
    server.use(...handlersFor(db))
    const { user, router } = renderRoute('/tokens')

    const field = await screen.findByLabelText('Personal API token')
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(field).toHaveAttribute('type', 'password')
    expect(field).toHaveAttribute('autocomplete', 'off')

    await user.type(field, `  ${TEST_SECRET}  `) // pasted with stray spaces
    // In the field's value only, never mirrored into the DOM's `value` attribute.
    expect(field).toHaveValue(`  ${TEST_SECRET}  `)
    expect(field).not.toHaveAttribute('value')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    const heading = await screen.findByRole('heading', { name: 'Personal API tokens' })
    expect(heading).toBeVisible()
    expect(router.state.location.pathname).toBe('/tokens')
    // Focus starts at the page's main heading, not lost with the Sign in button.
    await waitFor(() => expect(heading).toHaveFocus())
    // The serve command holds it; the page keeps only the cookie that says a session exists.
    expect(sessionCookieSecret()).toBe(TEST_SECRET)
    expect(document.cookie).toBe('ot_signed_in=1')
    expect(window.sessionStorage.length).toBe(0)
    expect(window.localStorage.length).toBe(0)
  })

  it('says "signed in" on the button as soon as the header does, while the tokens load', async () => {
    const db = createTestDb()
    const tokensHeld = deferred()
    server.use(
      http.get('*/api/public/v1/tokens', async () => {
        await tokensHeld.promise
      }),
      ...handlersFor(db),
    )
    const { user } = renderRoute('/sign-in')
    await user.type(await screen.findByLabelText('Personal API token'), TEST_SECRET)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(
      await screen.findByRole('button', { name: 'Signed in, opening your tokens…' }),
    ).toBeDisabled()
    expect(within(screen.getByRole('banner')).getByText(/signed in with/)).toBeVisible()
    expect(screen.queryByText('Signing in…')).toBeNull()
    tokensHeld.resolve()
    expect(await screen.findByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
  })

  it('signs in with a token pasted as a header or a variable, sending the token alone', async () => {
    const db = createTestDb()
    const sent: (string | null)[] = []
    server.use(
      http.get('*/api/public/v1/auth/me', ({ request }) => {
        sent.push(request.headers.get('Authorization'))
      }),
      ...handlersFor(db),
    )
    const { user } = renderRoute('/sign-in')

    const field = await screen.findByLabelText('Personal API token')
    await user.click(field)
    await user.paste(`OT_API_TOKEN="Bearer ${TEST_SECRET.replace('_0', '_\u200B0')}".`)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
    expect(sent[0]).toBe(`Bearer ${TEST_SECRET}`)
    expect(sessionCookieSecret()).toBe(TEST_SECRET)
  })

  it('rejects a malformed token before any request is made', async () => {
    let requests = 0
    server.use(
      http.all('*/api/*', () => {
        requests += 1
        return HttpResponse.json({})
      }),
      ...handlersFor(createTestDb()),
    )
    const { user } = renderRoute('/sign-in')

    await user.type(await screen.findByLabelText('Personal API token'), 'ghp_notanopentraintoken')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('start with “ot_pat_”')
    expect(requests).toBe(0)
  })

  it('explains a token the API refuses, with its request id, and keeps no session', async () => {
    server.use(
      http.get('*/api/public/v1/auth/me', () =>
        errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token', 'req-refused-7'),
      ),
      ...handlersFor(createTestDb()),
    )
    const { user } = renderRoute('/sign-in')

    await user.type(await screen.findByLabelText('Personal API token'), TEST_SECRET)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('unknown, revoked or expired')
    expect(alert).toHaveTextContent('req-refused-7')
    expect(sessionCookieSecret()).toBeNull()
    expect(document.cookie).not.toContain('ot_signed_in=1')
  })

  it('sends the secret once, as JSON to the serve command, and no request of the page carries it', async () => {
    const requests: { url: string; body: string }[] = []
    server.events.on('request:start', ({ request }) => {
      void request
        .clone()
        .text()
        .then((body) => {
          // The serve command's own check of the secret upstream is not the page's.
          if (request.headers.get('Authorization') !== null) return
          requests.push({ url: request.url, body })
        })
    })
    server.use(...handlersFor(createTestDb()))
    const { user } = renderRoute('/sign-in')

    await user.type(await screen.findByLabelText('Personal API token'), TEST_SECRET)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('grid')).toBeVisible()
    server.events.removeAllListeners()

    const carrying = requests.filter(
      ({ url, body }) => url.includes(TEST_SECRET) || body.includes(TEST_SECRET),
    )
    expect(carrying.map(({ url }) => new URL(url).pathname)).toEqual(['/console/session'])
    expect(JSON.parse(carrying[0]?.body ?? '{}')).toEqual({ token: TEST_SECRET })
    expect(requests.map(({ url }) => new URL(url).pathname)).toEqual(
      expect.arrayContaining(['/api/public/v1/tokens']),
    )
  })

  it('signs the person out with an explanation when any call answers 401', async () => {
    const db = createTestDb()
    server.use(...handlersFor(db))
    signInForTest()
    db.secret = 'ot_pat_revokedelsewhere_x' // the token stops working server-side
    const { router } = renderRoute('/tokens')

    expect(await screen.findByText(/this token is no longer valid/i)).toBeVisible()
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    expect(window.sessionStorage.length).toBe(0)
  })
})
