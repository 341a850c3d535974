// The fault matrix for GET /auth/me (issue 11): the tokens page needs it to load (it names the
// session's own token), and sign-in verifies a pasted token with it. Each way it can fail, in both.
import { screen, within } from '@testing-library/react'
import { HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getSessionSnapshot, startSession } from './api/session-store'
import { createTestDb, TEST_SECRET, type TestDb } from '../../testing/msw/db'
import {
  failingGet,
  failOnStrayErrors,
  FAULTS,
  shortenTimeouts,
  type FaultName,
} from '../../testing/msw/faults'
import { handlersFor } from '../../testing/msw/handlers'
import { server } from '../../testing/msw/server'
import { renderRoute } from '../../testing/render-route'
import { buildToken } from '../../testing/token-fixture'

type MeFault = FaultName | 'schema: missing fields' | 'schema: wrong types'

const SCHEMA_FAULTS = {
  'schema: missing fields': () =>
    HttpResponse.json(
      { actor: { userId: 'usr_1' } },
      { headers: { 'X-Request-Id': 'req-schema' } },
    ),
  'schema: wrong types': (db: TestDb) =>
    HttpResponse.json(
      { ...db.me, token: { ...db.me.token, scopes: 'jobs:read' } },
      { headers: { 'X-Request-Id': 'req-schema' } },
    ),
}

function answerFor(fault: MeFault, db: TestDb): () => Response | Promise<Response> {
  if (fault === 'schema: missing fields') return SCHEMA_FAULTS[fault]
  if (fault === 'schema: wrong types') return () => SCHEMA_FAULTS[fault](db)
  return FAULTS[fault]
}

/** Every GET /auth/me answered with `fault` while `failing.on`; the real handlers otherwise. */
function meFailsWith(fault: MeFault) {
  const db = createTestDb([buildToken({ id: 'tok_ci', name: 'CI deploy' })])
  server.use(...handlersFor(db))
  return failingGet('*/api/public/v1/auth/me', answerFor(fault, db))
}

failOnStrayErrors()

interface Expected {
  title: string
  message: string
  requestId: string | null
  /** Tries when the page loads it (a GET: retried when the failure may pass). */
  pageTries: number
}

const ROWS: [MeFault, Expected][] = [
  [
    '500 with the error envelope',
    {
      title: 'OpenTrain had a problem',
      message: 'The database is unavailable',
      requestId: 'req-500',
      pageTries: 4,
    },
  ],
  [
    '502 with an HTML body',
    {
      title: 'OpenTrain had a problem',
      message: 'The OpenTrain API answered 502 Bad Gateway.',
      requestId: null,
      pageTries: 4,
    },
  ],
  [
    '503 with no body',
    {
      title: 'OpenTrain had a problem',
      message: 'The OpenTrain API answered 503 Service Unavailable.',
      requestId: 'req-503',
      pageTries: 4,
    },
  ],
  [
    '429 with Retry-After',
    {
      title: 'Too many requests',
      message: 'Too many requests. Try again in 1 second.',
      requestId: 'req-429',
      pageTries: 4,
    },
  ],
  [
    '429 without Retry-After',
    {
      title: 'Too many requests',
      message: 'Too many requests. Wait a moment, then try again.',
      requestId: 'req-429',
      pageTries: 4,
    },
  ],
  [
    'an answer that never comes',
    {
      title: 'No answer from OpenTrain',
      message: 'The OpenTrain API did not answer within 30 seconds.',
      requestId: null,
      pageTries: 1,
    },
  ],
  [
    'a dropped connection',
    {
      title: 'Cannot reach OpenTrain',
      message: 'Could not reach the OpenTrain API. Check your connection and try again.',
      requestId: null,
      pageTries: 4,
    },
  ],
  [
    'malformed JSON in a 2xx',
    {
      title: 'Unexpected answer',
      message: 'The OpenTrain API sent a response that is not JSON.',
      requestId: 'req-bad-json',
      pageTries: 1,
    },
  ],
  [
    'schema: missing fields',
    {
      title: 'Unexpected answer',
      message: 'The OpenTrain API sent a response this console does not understand.',
      requestId: 'req-schema',
      pageTries: 1,
    },
  ],
  [
    'schema: wrong types',
    {
      title: 'Unexpected answer',
      message: 'The OpenTrain API sent a response this console does not understand.',
      requestId: 'req-schema',
      pageTries: 1,
    },
  ],
]

describe('GET /auth/me faults, as the tokens page loads', () => {
  it.each(ROWS)(
    '%s: says what failed, retries only what may pass, and loads on "Try again"',
    async (fault, expected) => {
      if (fault === 'an answer that never comes') shortenTimeouts()
      startSession(TEST_SECRET, { keepOnReload: true })
      const failing = meFailsWith(fault)
      const { user } = renderRoute('/tokens', { productionRetries: true })

      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
      expect(within(alert).getByRole('heading', { name: expected.title })).toBeVisible()
      expect(alert).toHaveTextContent(expected.message)
      if (expected.requestId) expect(alert).toHaveTextContent(`Request ID ${expected.requestId}`)
      else expect(alert).not.toHaveTextContent('Request ID')
      expect(failing.calls).toBe(expected.pageTries)
      // Still signed in: only a 401 ends the session.
      expect(getSessionSnapshot().token).toBe(TEST_SECRET)

      failing.on = false
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(await screen.findByRole('row', { name: /CI deploy/ })).toBeVisible()
    },
  )

  it('401 mid-session: signs out and says why', async () => {
    startSession(TEST_SECRET, { keepOnReload: true })
    const failing = meFailsWith('401 mid-session')
    const { router } = renderRoute('/tokens', { productionRetries: true })
    expect(
      await screen.findByText(/You were signed out: this token is no longer valid/),
    ).toBeVisible()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(failing.calls).toBe(1)
    expect(getSessionSnapshot().token).toBeNull()
  })
})

describe('GET /auth/me faults, as sign-in checks a pasted token', () => {
  it.each(ROWS)(
    '%s: says why under the field, is not retried, and signs nobody in',
    async (fault, expected) => {
      if (fault === 'an answer that never comes') shortenTimeouts()
      const failing = meFailsWith(fault)
      const { user, router } = renderRoute('/sign-in', { productionRetries: true })
      await user.type(await screen.findByLabelText('Personal API token'), TEST_SECRET)
      await user.click(screen.getByRole('button', { name: 'Sign in' }))

      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
      expect(alert).toHaveTextContent(expected.message)
      if (expected.requestId) expect(alert).toHaveTextContent(`Request ID ${expected.requestId}`)
      expect(failing.calls).toBe(1)
      expect(getSessionSnapshot().token).toBeNull()
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
    expect(getSessionSnapshot().token).toBeNull()
  })
})
