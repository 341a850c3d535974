import { screen, waitFor, within } from '@testing-library/react'
import { sessionCookieSecret, signInForTest } from '../../../testing/msw/serve-session'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getSessionSnapshot } from '../../session/api/session-store'
import { createTestDb, TEST_SECRET, type TestDb } from '../../../testing/msw/db'
import { errorEnvelope, handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { DAY_MS } from '../common/token-state'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'

const now = Date.now()
const SECRET_PATTERN = /ot_pat_\w+_s{32}/

function seededDb(): TestDb {
  const db = createTestDb([
    buildToken({
      id: 'tok_ci',
      name: 'CI deploy',
      preview: 'ot_pat_ci01********abcd',
      scopes: ['jobs:read', 'jobs:write'],
      createdAt: daysAgo(80, now),
      // A 90-day token with 10 days left: it is expiring soon.
      expiresAt: new Date(now + 10 * DAY_MS - 60_000).toISOString(),
      lastUsedAt: daysAgo(1, now),
    }),
  ])
  // The session's own token, named so its rows are easy to find.
  const session = db.tokens.get('tok_session')
  if (session) db.tokens.set('tok_session', { ...session, lastUsedAt: daysAgo(0, now) })
  return db
}

/** Fills the account up to the 25-active-token cap (D5) with tokens nobody uses. */
function atCapDb(): TestDb {
  const db = seededDb()
  for (let i = db.tokens.size; i < 25; i += 1) {
    const token = buildToken({ id: `tok_fill${i}`, name: `Filler ${i}` })
    db.tokens.set(token.id, token)
  }
  return db
}

async function setup(db = seededDb(), path = '/tokens') {
  // Every POST's body, as sent.
  const posts: unknown[] = []
  server.events.removeAllListeners('request:start')
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST') posts.push(request.clone().json())
  })
  server.use(...handlersFor(db))
  signInForTest()
  const view = renderRoute(path)
  // Behind the details sheet, when the path opens it, the grid is hidden from assistive tech.
  await screen.findByRole('grid', { hidden: true })
  return { db, posts, ...view }
}

type User = Awaited<ReturnType<typeof setup>>['user']

async function openRotate(user: User, name: string) {
  await user.click(screen.getByRole('button', { name: `Rotate ${name}` }))
  return screen.findByRole('dialog', { name: `Rotate “${name}”` })
}

/** Create, then copy the secret and go on; returns the secret as copied. */
async function createAndCopy(user: User, dialog: HTMLElement) {
  await user.click(within(dialog).getByRole('button', { name: 'Create the replacement' }))
  await within(dialog).findByText(/is created and already works/)
  await user.click(within(dialog).getByRole('button', { name: 'Copy and continue' }))
  return navigator.clipboard.readText()
}

describe('rotating a token', () => {
  it('creates a replacement with the same scopes and lifetime, then hands the old one to the usual revoke dialog', async () => {
    const { user, db } = await setup()
    // An expiring row points to Rotate.
    const row = screen.getByRole('row', { name: /CI deploy/ })
    expect(within(row).getByText(/^\d+ days left: rotate it$/)).toBeVisible()
    const dialog = await openRotate(user, 'CI deploy')

    const summary = within(dialog).getByRole('region', { name: 'The replacement' })
    expect(summary).toHaveTextContent('CI deploy (replaces ot_pat_ci01********abcd)')
    expect(summary).toHaveTextContent('jobs:read, jobs:write')
    // The old token's lifetime is the expiry chosen, until another is.
    expect(
      within(dialog).getByRole('radio', { name: /^The old token’s lifetime: 90 days/ }),
    ).toBeChecked()
    expect(within(dialog).getByRole('button', { name: 'Create the replacement' })).toHaveFocus()

    const secret = await createAndCopy(user, dialog)
    expect(secret).toMatch(SECRET_PATTERN)
    const made = [...db.tokens.values()].find((token) => token.name.startsWith('CI deploy (repl'))
    expect(made?.scopes).toEqual(['jobs:read', 'jobs:write'])
    const lifetime = Date.parse(made?.expiresAt ?? '') - now
    expect(Math.abs(lifetime - 90 * DAY_MS)).toBeLessThan(DAY_MS / 24)

    // The last step offers the usual dialog for the old token, after the secret is gone.
    expect(within(dialog).queryByText(SECRET_PATTERN)).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Revoke the old token…' }))
    const confirm = await screen.findByRole('alertdialog', { name: /Revoke “CI deploy”/ })
    expect(document.body.textContent).not.toContain(secret)
    await user.type(within(confirm).getByRole('textbox'), 'CI deploy')
    await user.click(within(confirm).getByRole('button', { name: /^Revoke/ }))
    await waitFor(() => expect(db.tokens.get('tok_ci')?.status).toBe('revoked'))
    // The replacement stays first in the view, with its name saying what it replaced.
    expect(screen.getAllByRole('row')[1]).toHaveAccessibleName(/CI deploy \(replaces/)
  })

  it('says where it stopped when the replacement cannot be created, and nothing changes', async () => {
    const { user, db } = await setup()
    server.use(
      http.post('*/api/public/v1/tokens', () =>
        errorEnvelope(503, 'UNAVAILABLE', 'OpenTrain is down for maintenance', 'req-rot-503'),
      ),
    )
    const dialog = await openRotate(user, 'CI deploy')
    await user.click(within(dialog).getByRole('button', { name: 'Create the replacement' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Stopped at step 1: the replacement was not created')
    expect(alert).toHaveTextContent(`Nothing changed: “${bidiIsolate('CI deploy')}” still works.`)
    expect(alert).toHaveTextContent('req-rot-503')
    expect(db.tokens.size).toBe(2)
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toHaveFocus()
  })
})

describe("the replacement's expiry", () => {
  it('offers the same choices as New token, the old lifetime first; the POST sends the one chosen', async () => {
    const { user, posts } = await setup()
    const dialog = await openRotate(user, 'CI deploy')
    const expiry = within(dialog).getByRole('group', { name: 'Expiry' })
    const radios = within(expiry).getAllByRole('radio')
    const names = [/^The old token’s lifetime: 90 days/, /^7 days/, /^30 days/, /^90 days/]
    expect(radios).toHaveLength(6)
    for (const [index, name] of [...names, /^On a date$/, /^Never$/].entries()) {
      expect(radios[index]).toHaveAccessibleName(name)
    }

    await user.click(within(expiry).getByRole('radio', { name: /^7 days/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create the replacement' }))
    await within(dialog).findByText(/is created and already works/)
    expect(posts).toHaveLength(1)
    const sent = (await posts[0]) as { expiresAt: string }
    expect(Math.abs(Date.parse(sent.expiresAt) - Date.now() - 7 * DAY_MS)).toBeLessThan(60_000)
  })

  it('warns about never, as the create form does, and sends no expiry for it', async () => {
    const { user, posts } = await setup()
    const dialog = await openRotate(user, 'CI deploy')
    await user.click(within(dialog).getByRole('radio', { name: 'Never' }))
    expect(
      within(dialog).getByText(/A token that never expires is the one still working/),
    ).toBeVisible()
    await user.click(within(dialog).getByRole('button', { name: 'Create the replacement' }))
    await within(dialog).findByText(/is created and already works/)
    expect(await posts[0]).not.toHaveProperty('expiresAt')
  })

  it('defaults to never, warned about, when the old token never expires', async () => {
    const { user } = await setup()
    const dialog = await openRotate(user, 'ci-runner')
    expect(within(dialog).getByRole('radio', { name: 'Never' })).toBeChecked()
    expect(within(dialog).queryByRole('radio', { name: /old token’s lifetime/ })).toBeNull()
    expect(
      within(dialog).getByText(/A token that never expires is the one still working/),
    ).toBeVisible()
  })

  it('refuses a day in the past under the date, and sends nothing', async () => {
    const { user, posts } = await setup()
    const dialog = await openRotate(user, 'CI deploy')
    await user.click(within(dialog).getByRole('radio', { name: 'On a date' }))
    const date = within(dialog).getByLabelText('Last day it works')
    await user.clear(date)
    await user.type(date, '2020-01-01')
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose a date in the future.')
    await user.click(within(dialog).getByRole('button', { name: 'Create the replacement' }))
    expect(posts).toHaveLength(0)
  })
})

describe('rotating at the 25-token cap', () => {
  const reason = /25 of 25 tokens are active.*Nothing has been sent/

  it('says why before anything is sent, from the row: nothing is sent', async () => {
    const { user, posts, db } = await setup(atCapDb())
    const dialog = await openRotate(user, 'CI deploy')
    const create = within(dialog).getByRole('button', { name: 'Create the replacement' })
    expect(create).toHaveAttribute('aria-disabled', 'true')
    expect(create).toHaveAccessibleDescription(reason)
    expect(create).toHaveFocus()
    await user.click(create)
    await user.keyboard('{Enter}')
    expect(posts).toHaveLength(0)
    expect(db.tokens.size).toBe(25)
  })

  it('says the same for the session’s own token, and from the details sheet', async () => {
    const { user, posts } = await setup(atCapDb(), '/tokens?details=tok_ci')
    const drawer = await screen.findByRole('dialog', { name: /CI deploy/ })
    await user.click(within(drawer).getByRole('button', { name: 'Rotate CI deploy' }))
    const dialog = await screen.findByRole('dialog', { name: 'Rotate “CI deploy”' })
    expect(
      within(dialog).getByRole('button', { name: 'Create the replacement' }),
    ).toHaveAccessibleDescription(reason)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /^Rotate/ })).toBeNull())

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const session = await openRotate(user, 'ci-runner')
    const create = within(session).getByRole('button', { name: 'Create the replacement' })
    expect(create).toHaveAccessibleDescription(reason)
    await user.click(create)
    expect(posts).toHaveLength(0)
  })

  it('when the list in view was short of the cap, a 409 is not offered again: Try again says why', async () => {
    const { user, posts, db } = await setup()
    // Tokens created elsewhere since the list loaded: the server is at the cap, the view is not.
    const full = atCapDb()
    for (const [id, token] of full.tokens) db.tokens.set(id, token)
    const dialog = await openRotate(user, 'CI deploy')
    await user.click(within(dialog).getByRole('button', { name: 'Create the replacement' }))
    const retry = await within(dialog).findByRole('button', { name: 'Try again' })
    await waitFor(() =>
      expect(retry).toHaveAccessibleDescription(/^25 of 25 tokens are active.*rotate this one\.$/),
    )
    expect(retry).toHaveAttribute('aria-disabled', 'true')
    await user.click(retry)
    expect(posts).toHaveLength(1)
  })
})

describe('rotating the token this console is signed in with', () => {
  it('switches the session to the replacement, verified, then revokes the old one: still signed in', async () => {
    const { user, db, queryClient } = await setup()
    const dialog = await openRotate(user, 'ci-runner')
    expect(dialog).toHaveAccessibleDescription(/You stay signed in/)
    const steps = within(dialog).getByRole('list', { name: 'Steps' })
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Create the replacement',
      'Save its secret',
      'Switch this console to it',
      'Revoke the old token',
    ])

    const secret = await createAndCopy(user, dialog)
    await within(dialog).findByText(/This console now uses/)
    expect(getSessionSnapshot().signedIn).toBe(true)
    expect(sessionCookieSecret()).toBe(secret)
    expect(sessionStorage.length).toBe(0)
    const newId = db.secrets.get(secret)
    expect(queryClient.getQueryData(['session', 'me'])).toMatchObject({ token: { id: newId } })
    // Nothing is revoked before the person says so.
    expect(db.tokens.get('tok_session')?.status).toBe('active')

    await user.click(within(dialog).getByRole('button', { name: 'Revoke the old token' }))
    await within(dialog).findByText(/Rotated\./)
    expect(db.tokens.get('tok_session')?.status).toBe('revoked')
    expect(getSessionSnapshot()).toEqual({ signedIn: true, signOutReason: null })
    expect(sessionCookieSecret()).toBe(secret)
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    // Still on the tokens page, and the new row is this session's.
    const newRow = screen.getByRole('row', { name: /ci-runner \(replaces/ })
    expect(within(newRow).getByText('This session')).toBeVisible()
    expect(document.body.textContent).not.toContain(secret)
  })

  it('keeps the old token when the switch cannot be verified, and says so', async () => {
    const { user, db } = await setup()
    server.use(
      http.get('*/api/public/v1/auth/me', ({ request }) =>
        request.headers.get('Authorization') === `Bearer ${TEST_SECRET}`
          ? HttpResponse.json(db.me)
          : errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token', 'req-me-401'),
      ),
    )
    const dialog = await openRotate(user, 'ci-runner')
    await createAndCopy(user, dialog)
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Stopped at step 3: this console still uses the old token')
    expect(alert).toHaveTextContent('req-me-401')
    // A 401 for the candidate is not the session's: still signed in, with the old token.
    expect(getSessionSnapshot()).toEqual({ signedIn: true, signOutReason: null })
    expect(sessionCookieSecret()).toBe(TEST_SECRET)
    expect(db.tokens.get('tok_session')?.status).toBe('active')
    expect(screen.getByRole('heading', { name: 'Personal API tokens', hidden: true })).toBeTruthy()
  })

  it('stays signed in with the replacement when revoking the old token fails', async () => {
    const { user, db } = await setup()
    const dialog = await openRotate(user, 'ci-runner')
    const secret = await createAndCopy(user, dialog)
    await within(dialog).findByText(/This console now uses/)
    server.use(
      http.delete('*/api/public/v1/tokens/:id', () =>
        errorEnvelope(500, 'INTERNAL', 'Database unavailable', 'req-del-500'),
      ),
    )
    await user.click(within(dialog).getByRole('button', { name: 'Revoke the old token' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Stopped at step 4: the old token still works')
    expect(alert).toHaveTextContent('req-del-500')
    expect(getSessionSnapshot().signedIn).toBe(true)
    expect(sessionCookieSecret()).toBe(secret)
    expect(db.tokens.get('tok_session')?.status).toBe('active')
    // The old row is back to active (the optimistic mark rolled back).
    // The old row, not its replacement's: its name has no "(replaces".
    const oldRow = screen.getByRole('row', { name: /^(?!.*replaces).*ci-runner/, hidden: true })
    await waitFor(() => expect(within(oldRow).queryByText('Revoked')).toBeNull())
  })
})
