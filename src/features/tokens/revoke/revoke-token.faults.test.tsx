// The fault matrix for DELETE /tokens/{id} (issue 11): what a revoke does with each way its answer
import { signInForTest } from '../../../testing/msw/serve-session'
// can fail. A row is never left revoked when the server did not revoke it, nor active once the
// server says it is revoked, and a DELETE is never sent again by itself.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import { createTestDb, revokedRecord, type TestDb } from '../../../testing/msw/db'
import { passTime, startFakeClock } from '../../../testing/fake-time'
import { failOnStrayErrors, FAULTS } from '../../../testing/msw/faults'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { describeWriteFaults, type Refusal } from '../../../testing/write-faults'

const now = Date.now()
const REPORTING = `“${bidiIsolate('Reporting')}”`

/**
 * The tokens page with a DELETE of "Reporting" that fails with `answer`. With `serverRevokes`, the
 * server does revoke it before the answer goes wrong (as when only the answer is lost).
 */
async function revokeFailingWith(
  answer: (db: TestDb) => Response | Promise<Response>,
  { serverRevokes = false } = {},
) {
  const db: TestDb = createTestDb([
    buildToken({ id: 'tok_ci', name: 'CI deploy', lastUsedAt: daysAgo(1, now) }),
    buildToken({ id: 'tok_rep', name: 'Reporting', lastUsedAt: daysAgo(3, now) }),
  ])
  const calls = { deletes: 0, lists: 0 }
  server.use(
    http.delete('*/api/public/v1/tokens/tok_rep', () => {
      calls.deletes += 1
      const token = db.tokens.get('tok_rep')
      if (serverRevokes && token) db.tokens.set('tok_rep', revokedRecord(token, daysAgo(0, now)))
      return answer(db)
    }),
    http.get('*/api/public/v1/tokens', () => {
      calls.lists += 1
      return undefined
    }),
    ...handlersFor(db),
  )
  signInForTest()
  const view = renderRoute('/tokens', { productionRetries: true })
  await screen.findByRole('grid')
  await view.user.click(screen.getByRole('button', { name: 'Revoke Reporting' }))
  await view.user.click(await screen.findByRole('button', { name: 'Revoke token' }))
  return { db, calls, ...view }
}

const reportingRow = () => screen.getByRole('row', { name: /Reporting/ })

/** The failure kept on the row: its title, its text, and the request id when one came. */
async function failureNote() {
  return within(reportingRow()).findByRole(
    'group',
    { name: 'Revoke of Reporting failed' },
    { timeout: 10_000 },
  )
}

failOnStrayErrors()

const STILL_WORKS = `OpenTrain could not revoke ${REPORTING}: it still works`
const RATE_LIMITED = `Too many requests: ${REPORTING} was not revoked`
const REFUSAL_NOTE: Record<Refusal, { title: string; text: string }> = {
  '500 with the error envelope': {
    title: STILL_WORKS,
    text: 'Server said: The database is unavailable.',
  },
  '502 with an HTML body': {
    title: STILL_WORKS,
    text: 'The OpenTrain API answered 502 Bad Gateway.',
  },
  '503 with no body': {
    title: STILL_WORKS,
    text: 'The OpenTrain API answered 503 Service Unavailable.',
  },
  '429 with Retry-After': { title: RATE_LIMITED, text: 'Try again in 1 second.' },
  '429 without Retry-After': { title: RATE_LIMITED, text: 'Wait a moment, then try again.' },
}

describeWriteFaults({
  name: 'DELETE /tokens/{id}',
  send: async (answer, { serverActs }) => {
    const run = await revokeFailingWith(answer, { serverRevokes: serverActs })
    return { ...run, sent: () => run.calls.deletes }
  },
  refused: {
    title: '%s: rolls the row back, says why, and does not send it again',
    check: async (_run, fault, requestId) => {
      const note = await failureNote()
      expect(within(note).getByText(REFUSAL_NOTE[fault].title)).toBeVisible()
      expect(within(note).getByText(REFUSAL_NOTE[fault].text)).toBeVisible()
      if (requestId) expect(within(note).getByText(requestId)).toBeVisible()
      else expect(note).not.toHaveTextContent('Request ID')
      expect(within(reportingRow()).getByText('Active')).toBeVisible()
      return within(note).getByRole('button', { name: 'Try again' })
    },
  },
  unknown: {
    title: '%s, server revoked: %s: says it is not confirmed, and shows what the server holds',
    malformed: ['malformed JSON in a 2xx', FAULTS['malformed JSON in a 2xx']],
    schemaFailure: [
      'a 200 whose body fails the schema',
      () => HttpResponse.json({ token: { id: 'tok_rep', status: 'revoked' } }, { status: 200 }),
    ],
    check: async ({ calls }, serverRevokes, text) => {
      const note = await failureNote()
      expect(
        within(note).getByText(`Not confirmed: ${REPORTING} may or may not be revoked`),
      ).toBeVisible()
      expect(note).toHaveTextContent(text)
      expect(note).toHaveTextContent('The list now shows what OpenTrain holds.')
      // The list is refetched: the row shows the server's word, whichever it was.
      await waitFor(() => expect(calls.lists).toBeGreaterThanOrEqual(2))
      await waitFor(() =>
        expect(
          within(reportingRow()).getByText(serverRevokes ? 'Revoked' : 'Active'),
        ).toBeVisible(),
      )
    },
  },
})

describe('DELETE /tokens/{id}: 404 and 401', () => {
  it('404 on revoke: says it was gone already and shows the list the server holds', async () => {
    const { calls } = await revokeFailingWith((db) => {
      db.tokens.delete('tok_rep')
      return HttpResponse.json(
        { error: 'Token not found', code: 'NOT_FOUND', requestId: 'req-404' },
        { status: 404 },
      )
    })
    expect(
      await screen.findByText(`${REPORTING} was already revoked or no longer exists`),
    ).toBeVisible()
    await waitFor(() => expect(screen.queryByRole('row', { name: /Reporting/ })).toBeNull())
    expect(calls.deletes).toBe(1)
  })

  it('401 mid-session: signs out and says why; nothing is sent with the old token after', async () => {
    startFakeClock()
    const { router, calls } = await revokeFailingWith(FAULTS['401 mid-session'])
    expect(
      await screen.findByText(/You were signed out: this token is no longer valid/),
    ).toBeVisible()
    expect(router.state.location.pathname).toBe('/sign-in')
    const listsAtSignOut = calls.lists
    await passTime(1_000)
    expect(calls.lists).toBe(listsAtSignOut)
    expect(calls.deletes).toBe(1)
  })
})
