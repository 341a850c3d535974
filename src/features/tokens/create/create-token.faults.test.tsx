// The fault matrix for POST /tokens (issue 11): what New token does with each way its answer can
import { signInForTest } from '../../../testing/msw/serve-session'
// fail. A POST is never sent again by itself (a second one would mint a second token); when the
// answer was lost, the form says the token may exist and the list shows whether it does.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../testing/msw/db'
import { failOnStrayErrors, FAULTS } from '../../../testing/msw/faults'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { describeWriteFaults, type Refusal } from '../../../testing/write-faults'

const now = Date.now()
const MAY_EXIST = 'OpenTrain may have created the token anyway: check the list'

/**
 * Sends New token's form for "Deploy bot", answered by `answer`. With `serverCreates`, the server
 * does create it before the answer goes wrong (as when only the answer is lost).
 */
async function createFailingWith(
  answer: () => Response | Promise<Response>,
  { serverCreates = false } = {},
) {
  const db: TestDb = createTestDb([
    buildToken({ id: 'tok_ci', name: 'CI deploy', lastUsedAt: daysAgo(1, now) }),
  ])
  const calls = { posts: 0, lists: 0 }
  server.use(
    http.post('*/api/public/v1/tokens', () => {
      calls.posts += 1
      if (serverCreates) {
        db.tokens.set('tok_made', buildToken({ id: 'tok_made', name: 'Deploy bot' }))
      }
      return answer()
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
  await view.user.click(screen.getByRole('button', { name: 'New token' }))
  const dialog = await screen.findByRole('dialog', { name: 'New personal API token' })
  await view.user.type(within(dialog).getByLabelText('Name'), 'Deploy bot')
  await view.user.click(within(dialog).getByRole('checkbox', { name: /^jobs:read/ }))
  await view.user.click(within(dialog).getByRole('button', { name: 'Create token' }))
  return { db, calls, dialog, ...view }
}

failOnStrayErrors()

const REFUSAL_TEXT: Record<Refusal, string> = {
  '500 with the error envelope': 'The database is unavailable',
  '502 with an HTML body': 'The OpenTrain API answered 502 Bad Gateway.',
  '503 with no body': 'The OpenTrain API answered 503 Service Unavailable.',
  '429 with Retry-After': 'Too many requests. Try again in 1 second.',
  '429 without Retry-After': 'Too many requests. Wait a moment, then try again.',
}

describeWriteFaults({
  name: 'POST /tokens',
  send: async (answer, { serverActs }) => {
    const run = await createFailingWith(answer, { serverCreates: serverActs })
    return { ...run, sent: () => run.calls.posts }
  },
  refused: {
    title: '%s: keeps the form, says why, and does not send it again',
    check: async ({ dialog }, fault, requestId) => {
      const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 })
      expect(alert).toHaveTextContent(REFUSAL_TEXT[fault])
      expect(alert).not.toHaveTextContent(MAY_EXIST)
      if (requestId) expect(alert).toHaveTextContent(`Request ID ${requestId}`)
      else expect(alert).not.toHaveTextContent('Request ID')
      // The form is as it was: the person can send it again, and only they do.
      expect(within(dialog).getByLabelText('Name')).toHaveValue('Deploy bot')
      expect(screen.queryByRole('dialog', { name: 'Copy your new token' })).toBeNull()
      return within(dialog).getByRole('button', { name: 'Create token' })
    },
  },
  unknown: {
    title: '%s, server created: %s: warns it may exist, and the list shows whether it does',
    malformed: [
      'malformed JSON in a 201',
      () =>
        new HttpResponse('{"token": "ot_pat_', {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        }),
    ],
    schemaFailure: [
      'a 201 whose body fails the schema',
      () =>
        HttpResponse.json(
          {
            token: 'ot_pat_000000000000_ssssssssssssssssssssssssssssssss',
            metadata: { id: 'tok_made' },
          },
          { status: 201 },
        ),
    ],
    check: async ({ calls, dialog, user }, serverCreates, text) => {
      const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 })
      expect(alert).toHaveTextContent(text)
      expect(alert).toHaveTextContent(MAY_EXIST)
      expect(screen.queryByRole('dialog', { name: 'Copy your new token' })).toBeNull()
      await waitFor(() => expect(calls.lists).toBeGreaterThanOrEqual(2))

      // The form was filled in: Cancel asks before discarding it.
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
      const ask = screen.getByRole('dialog', { name: 'Discard this new token?' })
      await user.click(within(ask).getByRole('button', { name: 'Discard' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      if (serverCreates)
        expect(await screen.findByRole('row', { name: /Deploy bot/ })).toBeVisible()
      else expect(screen.queryByRole('row', { name: /Deploy bot/ })).toBeNull()
    },
  },
})

describe('POST /tokens: 401', () => {
  it('401 mid-session: signs out and says why', async () => {
    const { router, calls } = await createFailingWith(FAULTS['401 mid-session'])
    expect(
      await screen.findByText(/You were signed out: this token is no longer valid/),
    ).toBeVisible()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(calls.posts).toBe(1)
  })
})
