// The fault matrix for GET /auth/me (issue 11): the tokens page needs it to load (it names the
import { signInForTest } from '../../testing/msw/serve-session'
// session's own token), and sign-in verifies a pasted token with it. Each way it can fail, in both.
import { screen } from '@testing-library/react'
import { HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getSessionSnapshot } from './api/session-store'
import { createTestDb, TEST_SECRET, type TestDb } from '../../testing/msw/db'
import {
  failOnStrayErrors,
  passRequestTimeout,
  timeoutsOnFakeClock,
} from '../../testing/msw/faults'
import {
  expectPageLoadFault,
  READ_FAULT_ROWS,
  readFailsWith,
  type ReadFault,
  type SchemaFaults,
} from '../../testing/read-faults'
import { renderRoute } from '../../testing/render-route'
import { buildToken } from '../../testing/token-fixture'

const ME = '*/api/public/v1/auth/me'

const schemaFaults = (db: TestDb): SchemaFaults => ({
  'schema: missing fields': () =>
    HttpResponse.json(
      { actor: { userId: 'usr_1' } },
      { headers: { 'X-Request-Id': 'req-schema' } },
    ),
  'schema: wrong types': () =>
    HttpResponse.json(
      { ...db.me, token: { ...db.me.token, scopes: 'jobs:read' } },
      { headers: { 'X-Request-Id': 'req-schema' } },
    ),
})

/** Every GET /auth/me answered with `fault` while `failing.on`; the real handlers otherwise. */
function meFailsWith(fault: ReadFault | '401 mid-session') {
  const db = seededDb()
  return readFailsWith(ME, db, fault, schemaFaults(db))
}

const seededDb = () => createTestDb([buildToken({ id: 'tok_ci', name: 'CI deploy' })])

failOnStrayErrors()

describe('GET /auth/me faults, as the tokens page loads', () => {
  it.each(READ_FAULT_ROWS)(
    '%s: says what failed, retries only what may pass, and loads on "Try again"',
    async (fault, expected) => {
      const db = seededDb()
      await expectPageLoadFault(
        {
          url: ME,
          db,
          schemaFaults: schemaFaults(db),
          // Still signed in: only a 401 ends the session.
          whileFailing: () => expect(getSessionSnapshot().signedIn).toBe(true),
        },
        fault,
        expected,
      )
    },
  )

  it('401 mid-session: signs out and says why', async () => {
    signInForTest()
    const failing = meFailsWith('401 mid-session')
    const { router } = renderRoute('/tokens', { productionRetries: true })
    expect(
      await screen.findByText(/You were signed out: this token is no longer valid/),
    ).toBeVisible()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(failing.calls).toBe(1)
    expect(getSessionSnapshot().signedIn).toBe(false)
  })
})

describe('GET /auth/me faults, as sign-in checks a pasted token', () => {
  it.each(READ_FAULT_ROWS)(
    '%s: says why under the field, is not retried, and signs nobody in',
    async (fault, expected) => {
      if (fault === 'an answer that never comes') timeoutsOnFakeClock()
      const failing = meFailsWith(fault)
      const { user, router, queryClient } = renderRoute('/sign-in', { productionRetries: true })
      await user.type(await screen.findByLabelText('Personal API token'), TEST_SECRET)
      await user.click(screen.getByRole('button', { name: 'Sign in' }))
      if (fault === 'an answer that never comes') await passRequestTimeout(queryClient)

      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
      expect(alert).toHaveTextContent(expected.message)
      if (expected.requestId) expect(alert).toHaveTextContent(`Request ID ${expected.requestId}`)
      expect(failing.calls).toBe(1)
      expect(getSessionSnapshot().signedIn).toBe(false)
      expect(router.state.location.pathname).toBe('/sign-in')

      failing.on = false
      await user.click(screen.getByRole('button', { name: 'Sign in' }))
      expect(await screen.findByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
    },
  )

  it('401: says the token was not accepted', async () => {
    const failing = meFailsWith('401 mid-session')
    const { user } = renderRoute('/sign-in', { productionRetries: true })
    await user.type(await screen.findByLabelText('Personal API token'), TEST_SECRET)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'OpenTrain did not accept this token: it is unknown, revoked or expired.',
    )
    expect(failing.calls).toBe(1)
    expect(getSessionSnapshot().signedIn).toBe(false)
  })
})
