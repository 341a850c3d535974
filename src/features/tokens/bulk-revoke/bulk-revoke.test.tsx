import { screen, waitFor, within } from '@testing-library/react'
import { signInForTest } from '../../../testing/msw/serve-session'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getSessionSnapshot } from '../../session/api/session-store'
import { createTestDb, revokedRecord, type TestDb } from '../../../testing/msw/db'
import {
  errorEnvelope,
  handlersFor,
  revokeTokenHandler,
  rateLimitedOnce,
} from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { startFakeClock, untilPasses } from '../../../testing/fake-time'
import { deferred } from '../../../testing/deferred'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

const now = Date.now()

function seededDb(): TestDb {
  const db = createTestDb([
    buildToken({ id: 'tok_a', name: 'Alpha', lastUsedAt: daysAgo(200, now) }),
    buildToken({ id: 'tok_b', name: 'Bravo', lastUsedAt: daysAgo(150, now) }),
    buildToken({
      id: 'tok_c',
      name: 'Charlie',
      lastUsedAt: daysAgo(0.2, now),
      scopes: ['jobs:write'],
    }),
    buildToken({ id: 'tok_d', name: 'Delta', lastUsedAt: daysAgo(120, now) }),
    buildToken({
      id: 'tok_gone',
      name: 'Echo (revoked)',
      status: 'revoked',
      revokedAt: daysAgo(3, now),
    }),
  ])
  // The console's own token is in use: never stale.
  const session = db.tokens.get('tok_session')!
  db.tokens.set(session.id, { ...session, lastUsedAt: new Date(now).toISOString() })
  return db
}

async function setup(db = seededDb(), path = '/tokens?sort=name&dir=asc') {
  server.use(...handlersFor(db))
  signInForTest()
  const view = renderRoute(path)
  await screen.findByRole('grid')
  return { db, ...view }
}

const box = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` })

describe('selecting rows', () => {
  it('ticks one row, a Shift range, or every row in view; revoked rows have no box', async () => {
    const { user } = await setup()
    await user.click(box('Alpha'))
    expect(screen.getByText('1 selected')).toBeVisible()
    // Shift-click: every row from the last one clicked (A to Z: Alpha, Bravo, Charlie, ci-runner…).
    await user.keyboard('{Shift>}')
    await user.click(box('Charlie'))
    await user.keyboard('{/Shift}')
    for (const name of ['Alpha', 'Bravo', 'Charlie']) expect(box(name)).toBeChecked()
    expect(box('ci-runner')).not.toBeChecked()
    expect(screen.getByText('3 selected')).toBeVisible()

    const all = screen.getByRole('checkbox', { name: 'Select all 5 tokens in view' })
    expect(all).toHaveProperty('indeterminate', true)
    await user.click(all)
    expect(box('ci-runner')).toBeChecked()
    expect(screen.getByText('5 selected')).toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.queryByText(/selected$/)).toBeNull()

    // The revoked row (all tokens in view) cannot be ticked.
    await user.selectOptions(screen.getByLabelText('Status'), 'all')
    expect(screen.queryByRole('checkbox', { name: 'Select Echo (revoked)' })).toBeNull()
  })

  it('"Review stale tokens" selects every stale token, in the stale view', async () => {
    const { user, router } = await setup()
    await user.click(screen.getByRole('button', { name: 'Review 3 stale tokens' }))
    await waitFor(() => expect(router.state.location.search).toMatchObject({ status: 'stale' }))
    expect(screen.getByText('3 selected')).toBeVisible()
    for (const name of ['Alpha', 'Bravo', 'Delta']) expect(box(name)).toBeChecked()
    expect(screen.queryByRole('checkbox', { name: 'Select Charlie' })).toBeNull()
  })
})

describe('revoking the selected rows', () => {
  it('sums up the selection first, leaves the session’s token out, then revokes and lists each result', async () => {
    const { user, db } = await setup()
    await user.click(screen.getByRole('checkbox', { name: /^Select all/ }))
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }))
    // Five selected, four to revoke: the title says so, and why.
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Revoke 4 of 5 selected tokens?',
    })
    expect(dialog).toHaveAccessibleDescription(
      /^Left out: the token this console is signed in with \(see below\)\./,
    )
    expect(within(dialog).getByText(/will be revoked/)).toHaveTextContent(
      '4 tokens will be revoked',
    )
    expect(within(dialog).getByText(/^\d+ used in the last 24 hours/)).toHaveTextContent(
      /^1 used in the last 24 hours/,
    )
    expect(within(dialog).getByText(/^\d+ can change data/)).toHaveTextContent(/^1 can change data/)
    const include = within(dialog).getByRole('checkbox', { name: /Also revoke “ci-runner”/ })
    expect(include).not.toBeChecked()
    // Charlie was used today and can write: the count is typed first, where focus starts.
    const count = within(dialog).getByLabelText('Type revoke 4 to confirm')
    expect(count).toHaveFocus()
    await user.type(count, 'revoke 4')

    await user.click(within(dialog).getByRole('button', { name: 'Revoke 4 tokens' }))
    const results = await within(dialog).findByRole('list', { name: 'Result for each token' })
    expect(within(dialog).getByText('4 revoked, 0 already gone, 0 failed.')).toBeVisible()
    expect(within(results).getAllByRole('listitem')).toHaveLength(4)
    for (const id of ['tok_a', 'tok_b', 'tok_c', 'tok_d']) {
      expect(db.tokens.get(id)?.status).toBe('revoked')
    }
    expect(db.tokens.get('tok_session')?.status).toBe('active')
    expect(getSessionSnapshot().signedIn).toBe(true)

    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    // The revoked rows stay in view, shown revoked; the session's token, left out, stays selected.
    expect(within(screen.getByRole('row', { name: /Alpha/ })).getByText('Revoked')).toBeVisible()
    expect(screen.getByText('1 selected')).toBeVisible()
    expect(box('ci-runner')).toBeChecked()
  })

  it('keeps going past a failure, says why with the request id, and retries only the failed one', async () => {
    const { user, db } = await setup()
    let failBravo = true
    server.use(
      http.delete('*/api/public/v1/tokens/tok_b', () => {
        if (failBravo) return errorEnvelope(500, 'INTERNAL', 'Database unavailable', 'req-bulk-500')
        const revoked = revokedRecord(db.tokens.get('tok_b')!, new Date().toISOString())
        db.tokens.set('tok_b', revoked)
        return HttpResponse.json({ token: revoked })
      }),
    )
    for (const name of ['Alpha', 'Bravo', 'Delta']) await user.click(box(name))
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke 3 tokens?' })
    // None used lately nor able to write: one click, and focus starts on Cancel (Enter never
    // revokes by accident).
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(within(dialog).queryByLabelText(/^Type revoke/)).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Revoke 3 tokens' }))
    await within(dialog).findByText('2 revoked, 0 already gone, 1 failed.')
    const failed = within(dialog)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.startsWith('Failed'))
    expect(failed).toHaveTextContent('Bravo')
    expect(failed).toHaveTextContent('Database unavailable.')
    expect(failed).toHaveTextContent('req-bulk-500')
    expect(db.tokens.get('tok_b')?.status).toBe('active')
    // The failed row is rolled back to active on the page.
    const bravo = screen.getByRole('row', { name: /Bravo/, hidden: true })
    await waitFor(() => expect(within(bravo).queryByText('Revoked')).toBeNull())

    failBravo = false
    await user.click(within(dialog).getByRole('button', { name: 'Retry 1 failed' }))
    await within(dialog).findByText('3 revoked, 0 already gone, 0 failed.')
    expect(db.tokens.get('tok_b')?.status).toBe('revoked')
  })

  it('sends at most 4 at once; Stop sends no more, lets those in flight answer, lists the rest as not sent, and sends them with one button', async () => {
    const db = seededDb()
    for (const name of ['Foxtrot', 'Golf']) {
      const id = `tok_${name.toLowerCase()}`
      db.tokens.set(id, buildToken({ id, name, lastUsedAt: daysAgo(30, now) }))
    }
    const { user } = await setup(db)
    const gate = deferred<void>()
    const arrived: string[] = []
    server.use(
      revokeTokenHandler(db, {
        onArrive: async (id) => {
          arrived.push(id)
          await gate.promise
        },
      }),
    )
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Foxtrot', 'Golf']) {
      await user.click(box(name))
    }
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke 6 tokens?' })
    await user.type(within(dialog).getByLabelText('Type revoke 6 to confirm'), 'revoke 6')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke 6 tokens' }))
    await waitFor(() => expect(arrived).toHaveLength(4))
    expect(within(dialog).getByText('0 of 6 done.')).toBeVisible()
    const stop = within(dialog).getByRole('button', { name: 'Stop' })
    expect(stop).toHaveFocus()
    await user.click(stop)
    gate.resolve()
    await within(dialog).findByText('4 revoked, 0 already gone, 0 failed, 2 not sent.')
    expect(arrived).toHaveLength(4)
    expect(db.tokens.get('tok_golf')?.status).toBe('active')

    // The two not sent go with one button, through the same queue.
    await user.click(within(dialog).getByRole('button', { name: 'Send 2 not sent' }))
    await within(dialog).findByText('6 revoked, 0 already gone, 0 failed.')
    expect(arrived).toHaveLength(6)
    expect(arrived.slice(4).sort()).toEqual(['tok_foxtrot', 'tok_golf'])
    expect(db.tokens.get('tok_golf')?.status).toBe('revoked')
    expect(within(dialog).queryByRole('button', { name: /not sent|failed/ })).toBeNull()
  })

  it('asks for the count typed when a token used in the last 24 hours or able to write is among them', async () => {
    const { user, db } = await setup()
    // Charlie alone would ask for its name: with Alpha, the count is asked for.
    await user.click(box('Alpha'))
    await user.click(box('Charlie'))
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke 2 tokens?' })
    const field = within(dialog).getByLabelText('Type revoke 2 to confirm')
    expect(field).toHaveAccessibleDescription(
      'Asked because at least one of them was used in the last 24 hours or can change data.',
    )
    const confirm = within(dialog).getByRole('button', { name: 'Revoke 2 tokens' })
    expect(confirm).toBeDisabled()
    await user.type(field, 'revoke 3')
    expect(confirm).toBeDisabled()
    // Enter in the field sends nothing while the count does not match.
    await user.type(field, '{Enter}')
    expect(db.tokens.get('tok_a')?.status).toBe('active')
    // Case and extra spaces do not matter.
    await user.clear(field)
    await user.type(field, '  Revoke   2 ')
    expect(confirm).toBeEnabled()
    await user.click(confirm)
    await within(dialog).findByText('2 revoked, 0 already gone, 0 failed.')
    expect(db.tokens.get('tok_c')?.status).toBe('revoked')
  })

  it('holds the session’s token back when another fails; one button retries that one and then sends it', async () => {
    const { user, db } = await setup()
    let failAlpha = true
    server.use(
      http.delete('*/api/public/v1/tokens/tok_a', () => {
        if (failAlpha) return errorEnvelope(500, 'INTERNAL', 'Database unavailable', 'req-held')
        const revoked = revokedRecord(db.tokens.get('tok_a')!, new Date().toISOString())
        db.tokens.set('tok_a', revoked)
        return HttpResponse.json({ token: revoked })
      }),
    )
    await user.click(box('ci-runner'))
    await user.click(box('Alpha'))
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }))
    const dialog = await screen.findByRole('alertdialog')
    await user.click(within(dialog).getByRole('checkbox', { name: /Also revoke “ci-runner”/ }))
    await user.type(within(dialog).getByLabelText(/Type ci-runner to confirm/), 'ci-runner')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke 2 tokens' }))
    await within(dialog).findByText('0 revoked, 0 already gone, 1 failed, 1 not sent.')
    expect(db.tokens.get('tok_session')?.status).toBe('active')

    failAlpha = false
    await user.click(
      within(dialog).getByRole('button', { name: 'Retry 1 failed and send 1 not sent' }),
    )
    await screen.findByText(
      'You revoked the token this console was signed in with, so you were signed out.',
    )
    expect(db.tokens.get('tok_a')?.status).toBe('revoked')
    expect(db.tokens.get('tok_session')?.status).toBe('revoked')
  })

  it('pauses for a 429’s Retry-After, says so, then sends that revoke again', async () => {
    startFakeClock()
    const { user, db } = await setup()
    const limited = rateLimitedOnce('tok_a', 1)
    server.use(limited.handler)
    for (const name of ['Alpha', 'Bravo']) await user.click(box(name))
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke 2 tokens?' })
    await user.click(within(dialog).getByRole('button', { name: 'Revoke 2 tokens' }))
    expect(
      await within(dialog).findByText(/OpenTrain asked to slow down: waiting 1 s/),
    ).toBeVisible()
    await untilPasses(() => within(dialog).getByText('2 revoked, 0 already gone, 0 failed.'))
    expect(limited.calls()).toBe(2)
    expect(db.tokens.get('tok_a')?.status).toBe('revoked')
  })

  it('includes the session’s own token only when its name is typed, revokes it last and signs out', async () => {
    const { user, db } = await setup()
    const order: string[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'DELETE') order.push(new URL(request.url).pathname.split('/').pop()!)
    })
    await user.click(box('ci-runner'))
    await user.click(box('Alpha'))
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }))
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Revoke 1 of 2 selected tokens?',
    })
    expect(within(dialog).getByRole('button', { name: 'Revoke 1 token' })).toBeEnabled()
    await user.click(within(dialog).getByRole('checkbox', { name: /Also revoke “ci-runner”/ }))
    expect(dialog).toHaveAccessibleName('Revoke 2 tokens?')
    const confirm = within(dialog).getByRole('button', { name: 'Revoke 2 tokens' })
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText(/Type ci-runner to confirm/), 'ci-runner')
    await user.click(confirm)

    await screen.findByText(
      'You revoked the token this console was signed in with, so you were signed out.',
    )
    expect(getSessionSnapshot().signedIn).toBe(false)
    // Then the serve command is asked to clear the session's cookies.
    expect(order).toEqual(['tok_a', 'tok_session', 'session'])
    expect(db.tokens.get('tok_session')?.status).toBe('revoked')
    server.events.removeAllListeners('request:start')
  })
})
