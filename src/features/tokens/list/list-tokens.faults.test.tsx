// The fault matrix for GET /tokens (issue 11): what the tokens page does with each way the list
import { signInForTest } from '../../../testing/msw/serve-session'
// can fail, on the first load and on a refresh, with the app's own retry policy.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../testing/msw/db'
import { startFakeClock, untilPasses } from '../../../testing/fake-time'
import {
  failingGet,
  failOnStrayErrors,
  FAULTS,
  passRequestTimeout,
  timeoutsOnFakeClock,
  TRANSIENT_FAULTS,
  type FaultName,
} from '../../../testing/msw/faults'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import {
  expectPageLoadFault,
  READ_FAULT_ROWS,
  type ReadFault,
  type SchemaFaults,
} from '../../../testing/read-faults'
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

const SCHEMA_FAULTS: SchemaFaults = {
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

/** Every GET /tokens answered by `answer` while `failing.on`; the real handlers otherwise. */
function listFailsWith(db: TestDb, answer: () => Response | Promise<Response>) {
  server.use(...handlersFor(db))
  return failingGet(LIST, answer)
}

const answerFor = (fault: ReadFault | '401 mid-session') =>
  fault in SCHEMA_FAULTS ? SCHEMA_FAULTS[fault as keyof SchemaFaults] : FAULTS[fault as FaultName]

failOnStrayErrors()

describe('GET /tokens faults, on the first load', () => {
  it.each(READ_FAULT_ROWS)(
    '%s: says what failed, retries only what may pass, and loads on "Try again"',
    async (fault, expected) => {
      await expectPageLoadFault(
        {
          url: LIST,
          db: seededDb(),
          schemaFaults: SCHEMA_FAULTS,
          // No row is shown from a list that did not arrive, and the app's frame is still there.
          whileFailing: () => {
            expect(screen.queryByRole('row', { name: /CI deploy/ })).toBeNull()
            expect(screen.getByRole('banner')).toBeVisible()
          },
        },
        fault,
        expected,
      )
    },
  )

  it.each(TRANSIENT_FAULTS.filter((fault) => fault !== '429 with Retry-After'))(
    '%s once: the retry loads the list and nothing is shown of the failure',
    async (fault) => {
      signInForTest()
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
    startFakeClock()
    signInForTest()
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
    expect(await untilPasses(() => screen.getByRole('row', { name: /CI deploy/ }))).toBeVisible()
    expect(arrivals).toHaveLength(2)
    // Retry-After: 1 means a second; the backoff alone would have retried after 5 ms.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950)
  })

  it('401 mid-session: signs out, says why, and keeps nothing of the list', async () => {
    signInForTest()
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
      startFakeClock()
      if (fault === 'an answer that never comes') timeoutsOnFakeClock()
      signInForTest()
      const db = seededDb()
      const failing = listFailsWith(db, answerFor(fault))
      failing.on = false
      const { user, queryClient } = renderRoute('/tokens', { productionRetries: true })
      expect(await screen.findByRole('row', { name: /CI deploy/ })).toBeVisible()

      failing.on = true
      db.tokens.delete('tok_ci') // what a refresh would have shown, had it worked
      await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
      if (fault === 'an answer that never comes') await passRequestTimeout(queryClient)
      expect(
        await untilPasses(() => screen.getByText(/^Could not refresh: .*Showing the list as of/)),
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
    signInForTest()
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
