// The fault matrix for GET /tokens (issue 11): what the tokens page does with each way the list
// can fail, on the first load and on a refresh, with the app's own retry policy.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { startSession } from '../../session/api/session-store'
import { createTestDb, TEST_SECRET, type TestDb } from '../../../testing/msw/db'
import {
  failingGet,
  failOnStrayErrors,
  FAULTS,
  shortenTimeouts,
  TRANSIENT_FAULTS,
  type FaultName,
} from '../../../testing/msw/faults'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

const LIST = '*/api/public/v1/tokens'
const now = Date.now()

function seededDb(): TestDb {
  return createTestDb([
    buildToken({ id: 'tok_ci', name: 'CI deploy', lastUsedAt: daysAgo(1, now) }),
    buildToken({ id: 'tok_rep', name: 'Reporting', lastUsedAt: daysAgo(3, now) }),
  ])
}

/** Every GET /tokens answered by `answer` while `failing.on`; the real handlers otherwise. */
function listFailsWith(db: TestDb, answer: () => Response | Promise<Response>) {
  server.use(...handlersFor(db))
  return failingGet(LIST, answer)
}

failOnStrayErrors()

interface Expected {
  title: string
  message: string | RegExp
  requestId: string | null
  /** Tries in all: 1 + the retries the policy allows for this failure. */
  tries: number
}

const FIRST_LOAD: [FaultName | 'schema: missing fields' | 'schema: wrong types', Expected][] = [
  [
    '500 with the error envelope',
    {
      title: 'OpenTrain had a problem',
      message: 'The database is unavailable',
      requestId: 'req-500',
      tries: 4,
    },
  ],
  [
    '502 with an HTML body',
    {
      title: 'OpenTrain had a problem',
      message: 'The OpenTrain API answered 502 Bad Gateway.',
      requestId: null,
      tries: 4,
    },
  ],
  [
    '503 with no body',
    {
      title: 'OpenTrain had a problem',
      message: 'The OpenTrain API answered 503 Service Unavailable.',
      requestId: 'req-503',
      tries: 4,
    },
  ],
  [
    '429 with Retry-After',
    {
      title: 'Too many requests',
      message: 'Too many requests. Try again in 1 second.',
      requestId: 'req-429',
      tries: 4,
    },
  ],
  [
    '429 without Retry-After',
    {
      title: 'Too many requests',
      message: 'Too many requests. Wait a moment, then try again.',
      requestId: 'req-429',
      tries: 4,
    },
  ],
  [
    'an answer that never comes',
    {
      title: 'No answer from OpenTrain',
      message: 'The OpenTrain API did not answer within 30 seconds.',
      requestId: null,
      tries: 1,
    },
  ],
  [
    'a dropped connection',
    {
      title: 'Cannot reach OpenTrain',
      message: 'Could not reach the OpenTrain API. Check your connection and try again.',
      requestId: null,
      tries: 4,
    },
  ],
  [
    'malformed JSON in a 2xx',
    {
      title: 'Unexpected answer',
      message: 'The OpenTrain API sent a response that is not JSON.',
      requestId: 'req-bad-json',
      tries: 1,
    },
  ],
  [
    'schema: missing fields',
    {
      title: 'Unexpected answer',
      message: 'The OpenTrain API sent a response this console does not understand.',
      requestId: 'req-schema',
      tries: 1,
    },
  ],
  [
    'schema: wrong types',
    {
      title: 'Unexpected answer',
      message: 'The OpenTrain API sent a response this console does not understand.',
      requestId: 'req-schema',
      tries: 1,
    },
  ],
]

const SCHEMA_FAULTS = {
  'schema: missing fields': () =>
    HttpResponse.json(
      { tokens: [{ id: 'tok_ci', name: 'CI deploy' }] },
      { headers: { 'X-Request-Id': 'req-schema' } },
    ),
  'schema: wrong types': () =>
    HttpResponse.json(
      { tokens: [{ ...buildToken({ id: 'tok_ci' }), scopes: 'jobs:read', createdAt: 1764331200 }] },
      { headers: { 'X-Request-Id': 'req-schema' } },
    ),
}

function answerFor(fault: FaultName | keyof typeof SCHEMA_FAULTS) {
  return fault in SCHEMA_FAULTS
    ? SCHEMA_FAULTS[fault as keyof typeof SCHEMA_FAULTS]
    : FAULTS[fault as FaultName]
}

describe('GET /tokens faults, on the first load', () => {
  it.each(FIRST_LOAD)(
    '%s: says what failed, retries only what may pass, and loads on "Try again"',
    async (fault, expected) => {
      if (fault === 'an answer that never comes') shortenTimeouts()
      startSession(TEST_SECRET, { keepOnReload: true })
      const db = seededDb()
      const failing = listFailsWith(db, answerFor(fault))
      const { user } = renderRoute('/tokens', { productionRetries: true })

      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
      expect(within(alert).getByRole('heading', { name: expected.title })).toBeVisible()
      expect(alert).toHaveTextContent(expected.message)
      if (expected.requestId) expect(alert).toHaveTextContent(`Request ID ${expected.requestId}`)
      else expect(alert).not.toHaveTextContent('Request ID')
      expect(failing.calls).toBe(expected.tries)
      // No row is shown from a list that did not arrive, and the app's frame is still there.
      expect(screen.queryByRole('row', { name: /CI deploy/ })).toBeNull()
      expect(screen.getByRole('banner')).toBeVisible()

      failing.on = false
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(await screen.findByRole('row', { name: /CI deploy/ })).toBeVisible()
      expect(screen.queryByRole('alert')).toBeNull()
    },
  )

  it.each(TRANSIENT_FAULTS.filter((fault) => fault !== '429 with Retry-After'))(
    '%s once: the retry loads the list and nothing is shown of the failure',
    async (fault) => {
      startSession(TEST_SECRET, { keepOnReload: true })
      const db = seededDb()
      const failing = listFailsWith(db, () => {
        failing.on = false
        return answerFor(fault)()
      })
      renderRoute('/tokens', { productionRetries: true })
      expect(await screen.findByRole('row', { name: /CI deploy/ })).toBeVisible()
      expect(failing.calls).toBe(2)
      expect(screen.queryByRole('alert')).toBeNull()
    },
  )

  it('429 with Retry-After once: the list is asked again only after the wait', async () => {
    startSession(TEST_SECRET, { keepOnReload: true })
    const db = seededDb()
    const arrivals: number[] = []
    const failing = listFailsWith(db, () => {
      failing.on = false
      return FAULTS['429 with Retry-After']()
    })
    server.use(
      http.get(LIST, () => {
        arrivals.push(performance.now())
        return undefined
      }),
    )
    renderRoute('/tokens', { productionRetries: true })
    expect(await screen.findByRole('row', { name: /CI deploy/ })).toBeVisible()
    expect(arrivals).toHaveLength(2)
    // Retry-After: 1 means a second; the backoff alone would have retried after 5 ms.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950)
  })

  it('401 mid-session: signs out, says why, and keeps nothing of the list', async () => {
    startSession(TEST_SECRET, { keepOnReload: true })
    const db = seededDb()
    const failing = listFailsWith(db, FAULTS['401 mid-session'])
    const { router, queryClient } = renderRoute('/tokens', { productionRetries: true })
    expect(
      await screen.findByText(/You were signed out: this token is no longer valid/),
    ).toBeVisible()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(failing.calls).toBe(1)
    expect(queryClient.getQueryData(['tokens', 'list'])).toBeUndefined()
  })
})

describe('GET /tokens faults, on a refresh of a list already shown', () => {
  it.each([...TRANSIENT_FAULTS, 'malformed JSON in a 2xx', 'an answer that never comes'] as const)(
    '%s: keeps the list, says the refresh failed and how old the list is',
    async (fault) => {
      if (fault === 'an answer that never comes') shortenTimeouts()
      startSession(TEST_SECRET, { keepOnReload: true })
      const db = seededDb()
      const failing = listFailsWith(db, answerFor(fault))
      failing.on = false
      const { user } = renderRoute('/tokens', { productionRetries: true })
      expect(await screen.findByRole('row', { name: /CI deploy/ })).toBeVisible()

      failing.on = true
      db.tokens.delete('tok_ci') // what a refresh would have shown, had it worked
      await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
      expect(
        await screen.findByText(/^Could not refresh: .*Showing the list as of/, undefined, {
          timeout: 10_000,
        }),
      ).toBeVisible()
      expect(screen.getByRole('row', { name: /CI deploy/ })).toBeVisible()

      failing.on = false
      await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
      await waitFor(() => expect(screen.queryByRole('row', { name: /CI deploy/ })).toBeNull())
      expect(screen.getByRole('row', { name: /Reporting/ })).toBeVisible()
    },
  )
})

describe('GET /tokens: a status this console does not know', () => {
  it('is shown in the default view, counted on a card of its own, and can be revoked', async () => {
    startSession(TEST_SECRET, { keepOnReload: true })
    const db = createTestDb([
      buildToken({ id: 'tok_ci', name: 'CI deploy', lastUsedAt: daysAgo(1, now) }),
      buildToken({ id: 'tok_odd', name: 'Paused bot', status: 'suspended' }),
    ])
    server.use(...handlersFor(db))
    const { user } = renderRoute('/tokens')

    const row = await screen.findByRole('row', { name: /Paused bot/ })
    expect(within(row).getByText('suspended')).toBeVisible()
    expect(within(row).getByRole('button', { name: 'Revoke Paused bot' })).toBeVisible()
    const card = screen.getByRole('button', { name: 'Show 1 token of unknown status' })
    await user.click(card)
    expect(card).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('row', { name: /Paused bot/ })).toBeVisible()
    expect(screen.queryByRole('row', { name: /CI deploy/ })).toBeNull()
  })
})
