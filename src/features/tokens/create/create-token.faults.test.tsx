// The fault matrix for POST /tokens (issue 11): what New token does with each way its answer can
// fail. A POST is never sent again by itself (a second one would mint a second token); when the
// answer was lost, the form says the token may exist and the list shows whether it does.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { startSession } from '../../session/api/session-store'
import { createTestDb, TEST_SECRET, type TestDb } from '../../../testing/msw/db'
import {
  failOnStrayErrors,
  FAULTS,
  shortenTimeouts,
  type FaultName,
} from '../../../testing/msw/faults'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

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
  startSession(TEST_SECRET, { keepOnReload: true })
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

describe('POST /tokens faults the server did not act on', () => {
  it.each<[FaultName, { text: string; requestId: string | null }]>([
    ['500 with the error envelope', { text: 'The database is unavailable', requestId: 'req-500' }],
    [
      '502 with an HTML body',
      { text: 'The OpenTrain API answered 502 Bad Gateway.', requestId: null },
    ],
    [
      '503 with no body',
      { text: 'The OpenTrain API answered 503 Service Unavailable.', requestId: 'req-503' },
    ],
    [
      '429 with Retry-After',
      { text: 'Too many requests. Try again in 1 second.', requestId: 'req-429' },
    ],
    [
      '429 without Retry-After',
      { text: 'Too many requests. Wait a moment, then try again.', requestId: 'req-429' },
    ],
  ])('%s: keeps the form, says why, and does not send it again', async (fault, expected) => {
    const { calls, dialog, user } = await createFailingWith(FAULTS[fault])
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent(expected.text)
    expect(alert).not.toHaveTextContent(MAY_EXIST)
    if (expected.requestId) expect(alert).toHaveTextContent(`Request ID ${expected.requestId}`)
    else expect(alert).not.toHaveTextContent('Request ID')
    // The form is as it was: the person can send it again, and only they do.
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Deploy bot')
    expect(screen.queryByRole('dialog', { name: 'Copy your new token' })).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(calls.posts).toBe(1)
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    await waitFor(() => expect(calls.posts).toBe(2))
  })
})

describe('POST /tokens faults that leave the outcome unknown', () => {
  const schemaFailure = () =>
    HttpResponse.json(
      {
        token: 'ot_pat_000000000000_ssssssssssssssssssssssssssssssss',
        metadata: { id: 'tok_made' },
      },
      { status: 201 },
    )
  const malformed201 = () =>
    new HttpResponse('{"token": "ot_pat_', {
      status: 201,
      headers: { 'Content-Type': 'application/json' },
    })
  const unknownOutcomes: [string, () => Response | Promise<Response>, string][] = [
    ['an answer that never comes', FAULTS['an answer that never comes'], 'did not answer within'],
    ['a dropped connection', FAULTS['a dropped connection'], 'Could not reach the OpenTrain API'],
    ['malformed JSON in a 201', malformed201, 'is not JSON'],
    ['a 201 whose body fails the schema', schemaFailure, 'does not understand'],
  ]

  it.each(
    unknownOutcomes.flatMap(([label, answer, text]) => [
      [label, true, answer, text] as const,
      [label, false, answer, text] as const,
    ]),
  )(
    '%s, server created: %s: warns it may exist, and the list shows whether it does',
    async (label, serverCreates, answer, text) => {
      if (label === 'an answer that never comes') shortenTimeouts()
      const { calls, dialog, user } = await createFailingWith(answer, { serverCreates })
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
      expect(calls.posts).toBe(1)
    },
  )
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
