import { screen, waitFor, within } from '@testing-library/react'
import { signInForTest } from '../../../testing/msw/serve-session'
import type userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getSessionSnapshot } from '../../session/api/session-store'
import { deferred } from '../../../testing/deferred'
import { createTestDb, type TestDb } from '../../../testing/msw/db'
import {
  errorEnvelope,
  handlersFor,
  listTokensHandler,
  revokeTokenHandler,
} from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'

const now = Date.now()
const SERVER_REVOKED_AT = daysAgo(2 / 24, now) // distinct from the client's guess ("now")

function seededDb() {
  return createTestDb([
    buildToken({
      id: 'tok_old',
      name: 'Old CI token',
      lastUsedAt: daysAgo(3, now),
      createdAt: daysAgo(90, now),
    }),
    buildToken({
      id: 'tok_rep',
      name: 'Reporting',
      lastUsedAt: daysAgo(5, now),
      createdAt: daysAgo(60, now),
    }),
    buildToken({
      id: 'tok_hot',
      name: 'Deploy bot',
      scopes: ['jobs:write'],
      lastUsedAt: daysAgo(0.1, now),
    }),
  ])
}

/**
 * Counts list fetches, DELETEs and config reads; DELETEs wait for their gate when one is set.
 * The config is read by the sign-in page as it mounts: a point in time after a sign-out.
 */
function instrumented(db: TestDb) {
  const calls = { lists: 0, deletes: [] as string[], afterSignOut: 0, configs: 0 }
  const gates = new Map<string, Promise<void>>()
  server.use(
    listTokensHandler(db, () => {
      calls.lists += 1
      if (!getSessionSnapshot().signedIn) calls.afterSignOut += 1
    }),
    revokeTokenHandler(db, {
      revokedAt: () => SERVER_REVOKED_AT,
      onArrive: async (id) => {
        calls.deletes.push(id)
        await gates.get(id)
      },
    }),
    http.get('*/console-config.json', () => {
      calls.configs += 1
      return HttpResponse.json({})
    }),
    ...handlersFor(db),
  )
  return { calls, gates }
}

/**
 * A point after which any request the last action caused has been seen: a list refetch sent
 * now is answered after every request sent before it.
 */
async function refreshAndWait(user: ReturnType<typeof userEvent.setup>, calls: { lists: number }) {
  const before = calls.lists
  await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
  await waitFor(() => expect(calls.lists).toBe(before + 1))
  await waitFor(() => expect(screen.queryByText('Refreshing…')).toBeNull())
}

async function setup(path = '/tokens') {
  const db = seededDb()
  const spies = instrumented(db)
  signInForTest()
  const view = renderRoute(path)
  await screen.findByRole('grid')
  return { db, ...spies, ...view }
}

const row = (name: string | RegExp) => screen.getByRole('row', { name })

// The dialog's and the toasts' code is fetched once the table is on screen, so a test waits for
// the first dialog it opens (findBy) instead of expecting it in the same tick as the click.

/** The Active summary card's name. */
const activeCount = (n: number) => `Show ${n} active tokens`

describe('revoke', () => {
  it('shows Revoked at once, then reconciles with the server’s revokedAt, and refetches once', async () => {
    const { user, gates, calls } = await setup()
    const gate = deferred()
    gates.set('tok_old', gate.promise)
    const listsBefore = calls.lists

    await user.click(
      within(row(/Old CI token/)).getByRole('button', { name: 'Revoke Old CI token' }),
    )
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke “Old CI token”?' })
    expect(within(dialog).getByText(/stops working immediately/)).toBeVisible()
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }))

    // Optimistic: before the server answers.
    expect(within(row(/Old CI token/)).getByText('Revoked')).toBeVisible()
    expect(within(row(/Old CI token/)).getByText('Confirming…')).toBeVisible()
    expect(within(row(/Old CI token/)).queryByRole('button', { name: /Revoke/ })).toBeNull()
    expect(screen.getByRole('button', { name: activeCount(3) })).toBeVisible()
    expect(within(row(/Old CI token/)).getByRole('button', { name: 'Old CI token' })).toHaveFocus()

    gate.resolve()
    // The row takes the server's answer at once; the outcome is said once the list is refetched.
    expect(await within(row(/Old CI token/)).findByText('2 hours ago')).toBeVisible()
    expect(
      await screen.findByText(`Revoked ${bidiIsolate('Old CI token')}. It no longer works.`),
    ).toBeInTheDocument()
    await waitFor(() => expect(calls.lists).toBe(listsBefore + 1))
    expect(calls.deletes).toEqual(['tok_old'])
  })

  it('rolls back only the failed row, keeps an overlapping revoke, and says why with the request id', async () => {
    const { user, gates } = await setup()
    const held = deferred()
    gates.set('tok_old', held.promise)
    server.use(
      http.delete('*/api/public/v1/tokens/tok_rep', () =>
        errorEnvelope(500, 'INTERNAL_ERROR', 'Revocation store unavailable', 'req-500-xyz'),
      ),
    )

    await user.click(screen.getByRole('button', { name: 'Revoke Old CI token' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))
    await user.click(screen.getByRole('button', { name: 'Revoke Reporting' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))

    // The failure stays on its row: the server's words as a sentence, the request id apart.
    const note = await within(row(/Reporting/)).findByRole('group', {
      name: 'Revoke of Reporting failed',
    })
    expect(
      within(note).getByText(
        `OpenTrain could not revoke “${bidiIsolate('Reporting')}”: it still works`,
      ),
    ).toBeVisible()
    expect(within(note).getByText('Server said: Revocation store unavailable.')).toBeVisible()
    expect(within(note).getByText('req-500-xyz')).toBeVisible()
    expect(within(note).getByRole('button', { name: 'Copy the request ID' })).toBeVisible()
    expect(within(note).getByRole('button', { name: 'Try again' })).toBeVisible()
    expect(within(row(/Reporting/)).getByText('Active')).toBeVisible()
    // The other revoke, still in flight, keeps its optimistic row through the rollback…
    expect(within(row(/Old CI token/)).getByText('Revoked')).toBeVisible()
    expect(within(row(/Old CI token/)).getByText('Confirming…')).toBeVisible()

    // …and settles as the server says.
    held.resolve()
    expect(await within(row(/Old CI token/)).findByText('2 hours ago')).toBeVisible()
    expect(within(row(/Old CI token/)).getByText('Revoked')).toBeVisible()
    expect(within(row(/Reporting/)).getByText('Active')).toBeVisible()
    expect(within(row(/Reporting/)).getByRole('group', { name: /failed/ })).toBeVisible()
  })

  it('keeps a failure on the row until dismissed, and Try again sends the revoke at once', async () => {
    const { user, calls } = await setup()
    let failing = true
    server.use(
      http.delete('*/api/public/v1/tokens/tok_rep', () =>
        failing ? errorEnvelope(503, 'UNAVAILABLE', 'boom', 'req_x') : undefined,
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Revoke Reporting' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))
    const note = await within(row(/Reporting/)).findByRole('group', { name: /failed/ })
    expect(within(note).getByText('Server said: boom.')).toBeVisible()

    // Dismiss takes it away and gives Revoke back.
    await user.click(
      within(note).getByRole('button', { name: 'Dismiss the failed revoke of Reporting' }),
    )
    expect(within(row(/Reporting/)).queryByRole('group', { name: /failed/ })).toBeNull()
    await user.click(within(row(/Reporting/)).getByRole('button', { name: 'Revoke Reporting' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))

    // Try again goes straight to the server: no second confirmation.
    failing = false
    const retryNote = await within(row(/Reporting/)).findByRole('group', { name: /failed/ })
    const deletesBefore = calls.deletes.length
    await user.click(within(retryNote).getByRole('button', { name: 'Try again' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(await within(row(/Reporting/)).findByText('Revoked')).toBeVisible()
    await waitFor(() => expect(calls.deletes.length).toBe(deletesBefore + 1))
    expect(within(row(/Reporting/)).queryByRole('group', { name: /failed/ })).toBeNull()
  })

  it('trusts only an answer that confirms the revoke of that token, and shows what the server holds', async () => {
    const { user, db, calls } = await setup()
    // A 200 about another token: the outcome of this revoke is unknown.
    const other = db.tokens.get('tok_old')
    server.use(
      http.delete('*/api/public/v1/tokens/tok_rep', () =>
        HttpResponse.json({ token: { ...other, status: 'revoked', revokedAt: SERVER_REVOKED_AT } }),
      ),
    )
    const listsBefore = calls.lists
    await user.click(screen.getByRole('button', { name: 'Revoke Reporting' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))

    const note = await within(row(/Reporting/)).findByRole('group', { name: /failed/ })
    expect(
      within(note).getByText(
        `Not confirmed: “${bidiIsolate('Reporting')}” may or may not be revoked`,
      ),
    ).toBeVisible()
    expect(within(note).getByText(/about another token/)).toBeVisible()
    // The list is fetched again, and the row shows the server's record: still active here.
    await waitFor(() => expect(calls.lists).toBe(listsBefore + 1))
    expect(within(row(/Reporting/)).getByText('Active')).toBeVisible()
    expect(within(row(/Old CI token/)).queryByText('Revoked')).toBeNull()
  })

  it('treats a 404 as already gone: refetches and says so', async () => {
    const { user, db, calls } = await setup()
    db.tokens.delete('tok_rep') // removed server-side since the page loaded
    const listsBefore = calls.lists

    await user.click(screen.getByRole('button', { name: 'Revoke Reporting' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))

    expect(
      await screen.findByText(
        `“${bidiIsolate('Reporting')}” was already revoked or no longer exists`,
      ),
    ).toBeVisible()
    await waitFor(() => expect(calls.lists).toBe(listsBefore + 1))
    await waitFor(() => expect(screen.queryByRole('row', { name: /Reporting/ })).toBeNull())
  })

  it.each([
    ['first', 'second'],
    ['second', 'first'],
  ] as const)(
    'runs one list refetch after two overlapping revokes, when the %s settles before the %s',
    async (settlesFirst, settlesLast) => {
      const { user, gates, calls } = await setup()
      const rows = { first: /Old CI token/, second: /Reporting/ }
      const release = { first: deferred(), second: deferred() }
      gates.set('tok_old', release.first.promise)
      gates.set('tok_rep', release.second.promise)
      const listsBefore = calls.lists

      await user.click(screen.getByRole('button', { name: 'Revoke Old CI token' }))
      await user.click(await screen.findByRole('button', { name: 'Revoke token' }))
      await user.click(screen.getByRole('button', { name: 'Revoke Reporting' }))
      await user.click(await screen.findByRole('button', { name: 'Revoke token' }))
      await waitFor(() => expect(calls.deletes).toEqual(['tok_old', 'tok_rep']))

      release[settlesFirst].resolve()
      expect(await within(row(rows[settlesFirst])).findByText('2 hours ago')).toBeVisible()
      expect(calls.lists).toBe(listsBefore)
      expect(within(row(rows[settlesLast])).getByText('Confirming…')).toBeVisible()

      release[settlesLast].resolve()
      expect(await within(row(rows[settlesLast])).findByText('2 hours ago')).toBeVisible()
      await waitFor(() => expect(calls.lists).toBe(listsBefore + 1))
      // The refetch came after both answers: nothing is pending, so no second one follows.
      await waitFor(() => expect(screen.queryByText('Confirming…')).toBeNull())
      expect(calls.lists).toBe(listsBefore + 1)
    },
  )

  it('never shows the row active again when a refresh lands while the DELETE is in flight', async () => {
    const { user, gates, calls } = await setup()
    const gate = deferred()
    gates.set('tok_old', gate.promise)

    await user.click(screen.getByRole('button', { name: 'Revoke Old CI token' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))
    expect(within(row(/Old CI token/)).getByText('Revoked')).toBeVisible()

    // The server has not processed the DELETE yet: this list still says "active".
    const listsBefore = calls.lists
    await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
    await waitFor(() => expect(calls.lists).toBe(listsBefore + 1))
    await waitFor(() => expect(screen.queryByText('Refreshing…')).toBeNull())
    expect(within(row(/Old CI token/)).getByText('Revoked')).toBeVisible()
    expect(within(row(/Old CI token/)).queryByText('Active')).toBeNull()
    expect(screen.getByRole('button', { name: activeCount(3) })).toBeVisible()

    gate.resolve()
    expect(await within(row(/Old CI token/)).findByText('2 hours ago')).toBeVisible()
    expect(within(row(/Old CI token/)).getByText('Revoked')).toBeVisible()
  })

  it('sends nothing on Cancel or Escape', async () => {
    const { user, calls } = await setup()
    await user.click(screen.getByRole('button', { name: 'Revoke Old CI token' }))
    await user.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(screen.getByRole('button', { name: 'Revoke Old CI token' })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Revoke Old CI token' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    // A DELETE sent by either would have reached the server before this later list fetch.
    await refreshAndWait(user, calls)
    expect(calls.deletes).toEqual([])
    expect(within(row(/Old CI token/)).getByText('Active')).toBeVisible()
  })

  it('asks for the name of a token used in the last day before it can be revoked', async () => {
    const { user, calls } = await setup()
    await user.click(screen.getByRole('button', { name: 'Revoke Deploy bot' }))
    const dialog = await screen.findByRole('alertdialog')
    const confirm = within(dialog).getByRole('button', { name: 'Revoke token' })
    expect(confirm).toBeDisabled()
    expect(
      within(dialog).getByText(/used in the last 24 hours and it can change data/),
    ).toBeVisible()

    const field = within(dialog).getByRole('textbox', { name: /Type Deploy bot to confirm/ })
    await user.type(field, 'Deploy bo')
    expect(confirm).toBeDisabled()
    await user.type(field, 't')
    expect(confirm).toBeEnabled()
    const listsBefore = calls.lists
    await user.dblClick(confirm)
    await waitFor(() => expect(within(row(/Deploy bot/)).getByText('Revoked')).toBeVisible())
    // The list is refetched only once no revoke is running: a second DELETE from the double
    // click would have been sent, and counted, before it.
    await waitFor(() => expect(calls.lists).toBe(listsBefore + 1))
    expect(calls.deletes).toEqual(['tok_hot'])
  })

  it('takes a name holding an invisible character as a person types it, without that character', async () => {
    const { db, user, calls } = await setup()
    db.tokens.set(
      'tok_zw',
      buildToken({ id: 'tok_zw', name: 'CI\u200Bdeploy', lastUsedAt: daysAgo(0.1, now) }),
    )
    await refreshAndWait(user, calls)
    await user.click(screen.getByRole('button', { name: /Revoke CI.deploy/ }))
    const dialog = await screen.findByRole('alertdialog')
    const confirm = within(dialog).getByRole('button', { name: 'Revoke token' })
    await user.type(within(dialog).getByRole('textbox', { name: /to confirm/ }), 'CIdeploy')
    expect(confirm).toBeEnabled()
    await user.click(confirm)
    await waitFor(() => expect(calls.deletes).toEqual(['tok_zw']))
  })

  it('starts in the name field when the name is asked for, so typing it at once never presses Cancel; Enter then confirms', async () => {
    const { user, calls } = await setup()
    await user.click(screen.getByRole('button', { name: 'Revoke Deploy bot' }))
    const dialog = await screen.findByRole('alertdialog')
    const field = within(dialog).getByRole('textbox', { name: /Type Deploy bot to confirm/ })
    await waitFor(() => expect(field).toHaveFocus())
    // Straight away, space included: the dialog stays open.
    await user.keyboard('Deploy bo{Enter}')
    expect(screen.getByRole('alertdialog')).toBeVisible()
    await user.keyboard('t{Enter}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(await within(row(/Deploy bot/)).findByText('Revoked')).toBeVisible()
    await waitFor(() => expect(calls.deletes).toEqual(['tok_hot']))
  })

  it('starts on Cancel when nothing is to be typed, so Enter never revokes', async () => {
    const { user, calls } = await setup()
    await user.click(screen.getByRole('button', { name: 'Revoke Old CI token' }))
    const dialog = await screen.findByRole('alertdialog')
    expect(within(dialog).queryByRole('textbox')).toBeNull()
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(),
    )
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    await refreshAndWait(user, calls)
    expect(calls.deletes).toEqual([])
  })

  it('asks for the end of the preview, and says so, instead of a very long name', async () => {
    const { user, db } = await setup()
    const long = 'Nightly data-warehouse sync for the analytics team: jobs, proposals and payments'
    db.tokens.set(
      'tok_long',
      buildToken({
        id: 'tok_long',
        name: long,
        preview: 'ot_pat_c3f9********bd21',
        scopes: ['payments:write'],
        lastUsedAt: daysAgo(1 / 24, now),
      }),
    )
    await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
    await user.click(await screen.findByRole('button', { name: `Revoke ${long}` }))
    const dialog = await screen.findByRole('alertdialog')
    const field = within(dialog).getByRole('textbox', {
      name: 'Type bd21 (the last 4 characters of its preview) to confirm',
    })
    expect(field).toHaveAccessibleDescription(
      /Its name is long, so the preview’s end stands in for it/,
    )
    const confirm = within(dialog).getByRole('button', { name: 'Revoke token' })
    await user.type(field, 'bd2')
    expect(confirm).toBeDisabled()
    await user.type(field, '1')
    expect(confirm).toBeEnabled()
  })

  it('revoking the session’s own token warns, signs out at once and sends nothing more', async () => {
    const { user, calls, router } = await setup('/tokens?status=all')
    await user.click(screen.getByRole('button', { name: 'Revoke ci-runner' }))
    const dialog = await screen.findByRole('alertdialog')
    expect(within(dialog).getByText('This is the token you are signed in with.')).toBeVisible()
    await user.type(
      within(dialog).getByRole('textbox', { name: /Type ci-runner to confirm/ }),
      'ci-runner',
    )
    const listsBefore = calls.lists
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }))

    expect(
      await screen.findByText(/You revoked the token this console was signed in with/),
    ).toBeVisible()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(window.sessionStorage.length).toBe(0)
    // The sign-in page reads its config as it mounts, after the sign-out: a list refetch from
    // the settled revoke would have been sent before that read.
    await waitFor(() => expect(calls.configs).toBeGreaterThan(0))
    expect(calls.lists).toBe(listsBefore)
    expect(calls.afterSignOut).toBe(0)
  })

  it('signs out with an explanation when the DELETE answers 401', async () => {
    const { user, router } = await setup()
    server.use(
      http.delete('*/api/public/v1/tokens/:id', () =>
        errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token'),
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Revoke Old CI token' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))

    expect(await screen.findByText(/this token is no longer valid/)).toBeVisible()
    expect(router.state.location.pathname).toBe('/sign-in')
  })
})
