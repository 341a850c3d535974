import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { getSessionSnapshot } from './api/session-store'
import { createTestDb, TEST_SECRET } from '../../testing/msw/db'
import { handlersFor } from '../../testing/msw/handlers'
import { sessionCookieSecret } from '../../testing/msw/serve-session'
import { server } from '../../testing/msw/server'
import { renderRoute } from '../../testing/render-route'
import { placesHoldingToken } from '../../testing/secret-leftovers'

// The serve command holds the secret (docs/session.md): once sign-in has sent it, nothing of it
// stays in the tab, and however the session ends (signing out, a 401, revoking its own token)
// nothing comes back: not in a readable cookie, storage, the query or mutation cache, the session
// store, the router, the page, or React's state (what any component, hook or context still holds).

/** Signs in through the sign-in page, typing the secret as a person would. */
async function signInThroughTheForm() {
  const db = createTestDb()
  server.use(...handlersFor(db))
  const view = renderRoute('/tokens')
  await view.user.type(await screen.findByLabelText('Personal API token'), TEST_SECRET)
  await view.user.click(screen.getByRole('button', { name: 'Sign in' }))
  await screen.findByRole('grid')
  // Signed in, the secret is only in the session cookie the serve command set, which no script
  // can read: nowhere in the tab, not even in the sign-in mutation's variables once it is gone.
  expect(sessionCookieSecret()).toBe(TEST_SECRET)
  await waitFor(() => expect(placesHoldingToken(TEST_SECRET, view)).toEqual([]))
  // The search does find it where it is (a place a bug could put it):
  window.localStorage.setItem('probe', TEST_SECRET)
  expect(placesHoldingToken(TEST_SECRET, view)).toEqual(['localStorage'])
  window.localStorage.removeItem('probe')
  return { db, ...view }
}

/** Once the sign-in page shows again, no place holds any part of the secret. */
async function expectNothingLeft(view: Awaited<ReturnType<typeof signInThroughTheForm>>) {
  expect(await screen.findByLabelText('Personal API token')).toHaveValue('')
  expect(view.router.state.location.pathname).toBe('/sign-in')
  expect(getSessionSnapshot().signedIn).toBe(false)
  // Cleared once the sign-in page has been reached (session-controls.ts), and the serve command
  // has cleared its cookies.
  await waitFor(() => expect(placesHoldingToken(TEST_SECRET, view)).toEqual([]))
  await waitFor(() => expect(sessionCookieSecret()).toBeNull())
  expect(screen.queryByDisplayValue(TEST_SECRET)).toBeNull()
}

describe('a session that ends leaves nothing of its secret behind', () => {
  it('when the person signs out', async () => {
    const view = await signInThroughTheForm()
    await view.user.click(
      within(screen.getByRole('banner')).getByRole('button', { name: /signed in with/ }),
    )
    await view.user.click(await screen.findByRole('menuitem', { name: 'Sign out' }))

    expect(await screen.findByText(/You signed out/)).toBeVisible()
    await expectNothingLeft(view)
  })

  it('when a call mid-session answers 401', async () => {
    const view = await signInThroughTheForm()
    // The token stops working server-side (revoked elsewhere): the next list fetch gets a 401.
    view.db.secret = 'ot_pat_000000000000_revokedElsewhere'
    await view.user.click(screen.getByRole('button', { name: 'Refresh the token list' }))

    expect(await screen.findByText(/this token is no longer valid/)).toBeVisible()
    await expectNothingLeft(view)
  })

  it('when the person revokes the token the session is signed in with', async () => {
    const view = await signInThroughTheForm()
    await view.user.click(screen.getByRole('button', { name: 'Revoke ci-runner' }))
    const dialog = await screen.findByRole('alertdialog')
    await view.user.type(
      within(dialog).getByRole('textbox', { name: /Type ci-runner to confirm/ }),
      'ci-runner',
    )
    await view.user.click(within(dialog).getByRole('button', { name: 'Revoke token' }))

    expect(
      await screen.findByText(/You revoked the token this console was signed in with/),
    ).toBeVisible()
    expect(view.db.tokens.get('tok_session')?.status).toBe('revoked')
    await expectNothingLeft(view)
  })
})
