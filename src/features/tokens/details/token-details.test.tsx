import { screen, waitFor, within } from '@testing-library/react'
import { signInForTest } from '../../../testing/msw/serve-session'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { formatExactTime } from '../../../lib/time/format-time'
import { createTestDb } from '../../../testing/msw/db'
import { errorEnvelope, handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

const now = Date.now()
const LONG_NAME = `Nightly export to the analytics warehouse, ${'eu-west-1 replica '.repeat(4)}(owned by data platform)`

const tokens = {
  long: buildToken({
    id: 'tok_long',
    name: LONG_NAME,
    preview: 'ot_pat_9f2c********71de',
    scopes: ['jobs:read', 'payments:write', 'webhooks:manage', 'reports:export'],
    organizationId: 'org_42',
    createdAt: daysAgo(40, now),
    lastUsedAt: daysAgo(2 / 24, now),
    expiresAt: daysAgo(-60, now),
  }),
  stale: buildToken({
    id: 'tok_stale',
    name: 'Old laptop',
    createdAt: daysAgo(400, now),
    lastUsedAt: daysAgo(200, now),
  }),
  soon: buildToken({
    id: 'tok_soon',
    name: 'Reporting',
    expiresAt: daysAgo(-3, now),
    createdAt: daysAgo(3, now),
  }),
  revoked: buildToken({
    id: 'tok_rev',
    name: 'Leaked',
    status: 'revoked',
    revokedAt: daysAgo(2, now),
  }),
  expired: buildToken({ id: 'tok_exp', name: 'Trial', expiresAt: daysAgo(5, now) }),
}

async function setup(path = '/tokens') {
  const db = createTestDb(Object.values(tokens))
  server.use(...handlersFor(db))
  signInForTest()
  const view = renderRoute(path)
  // A link that opens details hides the page behind them from assistive tech.
  await screen.findByRole('grid', { hidden: true })
  return { db, ...view }
}

/** The details drawer (its code loads after the table: tests wait for it). */
const findDrawer = (name: string | RegExp) => screen.findByRole('dialog', { name })
const utc = (iso: string) => formatExactTime(Date.parse(iso), undefined, 'UTC')
/** A fact's value, found by its term (ARIA gives a definition no name of its own). */
function fact(drawer: HTMLElement, term: string): HTMLElement {
  // eslint-disable-next-line testing-library/no-node-access -- the <dd> after its <dt>
  const value = within(drawer).getByText(term, { selector: 'dt' }).nextElementSibling
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${term}`)
  return value
}

describe('token details', () => {
  it('opens from the name with the full name, id, preview, every scope and each date in local and UTC time', async () => {
    const { user, router } = await setup()
    const name = screen.getByRole('button', { name: LONG_NAME })
    expect(name).toHaveAttribute('aria-haspopup', 'dialog')
    await user.click(name)

    const drawer = await findDrawer(LONG_NAME)
    expect(within(drawer).getByRole('heading', { name: LONG_NAME })).toBeVisible()
    expect(router.state.location.search).toMatchObject({ details: 'tok_long' })
    // Focus starts inside: on Close.
    expect(within(drawer).getByRole('button', { name: 'Close token details' })).toHaveFocus()

    expect(within(fact(drawer, 'ID')).getByText('tok_long')).toBeVisible()
    expect(
      within(fact(drawer, 'ID')).getByRole('button', { name: 'Copy the token ID' }),
    ).toBeVisible()
    expect(within(fact(drawer, 'Preview')).getByText('ot_pat_9f2c********71de')).toBeVisible()
    expect(
      within(fact(drawer, 'Preview')).getByRole('button', { name: 'Copy the preview' }),
    ).toBeVisible()
    expect(fact(drawer, 'Organization')).toHaveTextContent('org_42')

    const list = within(drawer).getByRole('list', { name: 'Scopes (4)' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'jobs:readRead your own jobs and drafts',
      'payments:writeCreate, fund and approve milestones; end contracts; create credit top-ups Also covers payments:read.',
      'webhooks:manageCreate, list and delete webhook subscriptions',
      'reports:exportNot in the scope catalog this console knows.',
    ])

    expect(fact(drawer, 'Created')).toHaveTextContent('last month')
    expect(fact(drawer, 'Created')).toHaveTextContent(utc(tokens.long.createdAt))
    expect(fact(drawer, 'Last used')).toHaveTextContent('2 hours ago')
    expect(fact(drawer, 'Last used')).toHaveTextContent(utc(tokens.long.lastUsedAt ?? ''))
    expect(fact(drawer, 'Last used')).toHaveTextContent('may record use a few minutes late')
    expect(fact(drawer, 'Expires')).toHaveTextContent(utc(tokens.long.expiresAt ?? ''))
    expect(within(drawer).queryByText('Revoked', { selector: 'dt' })).toBeNull()
    expect(within(drawer).getByRole('button', { name: `Revoke ${LONG_NAME}` })).toBeVisible()
  })

  it('opens from the keyboard, closes with Escape, gives focus back to the name and leaves the URL as it was', async () => {
    const { user, router } = await setup()
    const name = screen.getByRole('button', { name: 'Old laptop' })
    name.focus()
    await user.keyboard('{Enter}')
    await findDrawer('Old laptop')
    expect(router.state.location.search).toMatchObject({ details: 'tok_stale' })

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(router.state.location.search).not.toHaveProperty('details')
    expect(screen.getByRole('button', { name: 'Old laptop' })).toHaveFocus()
    // Closing went back: the entry before is the list as it was before opening.
    expect(router.history.canGoBack()).toBe(false)
  })

  it('closes with Back', async () => {
    const { user, router } = await setup()
    await user.click(screen.getByRole('button', { name: 'Reporting' }))
    await findDrawer('Reporting')
    router.history.back()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('says why a token needs attention: stale, or expiring soon', async () => {
    const { user } = await setup()
    await user.click(screen.getByRole('button', { name: 'Old laptop' }))
    const stale = await findDrawer('Old laptop')
    expect(within(stale).getByText('Stale', { selector: '.marker' })).toBeVisible()
    expect(
      within(stale).getByText('Stale. Unused for 200 days. If nothing needs it, revoke it.'),
    ).toBeVisible()
    await user.click(within(stale).getByRole('button', { name: 'Close token details' }))

    await user.click(screen.getByRole('button', { name: 'Reporting' }))
    const soon = await findDrawer('Reporting')
    // The note names the Rotate button it points to, not a place ("below"): it is in the header.
    expect(
      within(soon).getByText(
        'It expires in 3 days. Before then, use Rotate: a replacement with the same scopes, and an expiry you choose.',
      ),
    ).toBeVisible()
    expect(within(soon).getByRole('button', { name: 'Rotate Reporting' })).toBeVisible()
    expect(fact(soon, 'Last used')).toHaveTextContent('Never used')
  })

  it('shows a revoked token’s revoke time, from a link, with no action', async () => {
    await setup('/tokens?status=all&details=tok_rev')
    const drawer = await findDrawer('Leaked')
    expect(within(drawer).getByText('Revoked', { selector: '.status' })).toBeVisible()
    expect(fact(drawer, 'Revoked')).toHaveTextContent('2 days ago')
    expect(fact(drawer, 'Revoked')).toHaveTextContent(utc(tokens.revoked.revokedAt ?? ''))
    expect(within(drawer).getByText(/^Revoked: anything still using it gets 401/)).toBeVisible()
    expect(within(drawer).queryByRole('button', { name: /^Revoke/ })).toBeNull()
  })

  it('offers no revoke on an expired token, and dates its expiry', async () => {
    await setup('/tokens?status=all&details=tok_exp')
    const drawer = await findDrawer('Trial')
    expect(fact(drawer, 'Expired')).toHaveTextContent('5 days ago')
    expect(within(drawer).queryByRole('button', { name: /^Revoke/ })).toBeNull()
  })

  it('marks the session’s own token and says the console keeps its last use at now', async () => {
    await setup('/tokens?details=tok_session')
    const drawer = await findDrawer('ci-runner')
    expect(within(drawer).getByText('This session')).toBeVisible()
    expect(fact(drawer, 'Last used')).toHaveTextContent('by this console')
    expect(within(drawer).getByText(/signed in with this token/)).toBeVisible()
  })

  it('says so when a link names no token in the list', async () => {
    await setup('/tokens?details=tok_elsewhere')
    const drawer = await findDrawer('Token not found')
    expect(drawer).toHaveTextContent('No token with the ID tok_elsewhere is in your list.')
  })

  it('revokes from the details with the usual dialog, then shows the token revoked and keeps focus inside', async () => {
    const { user } = await setup()
    await user.click(screen.getByRole('button', { name: 'Old laptop' }))
    const drawer = await findDrawer('Old laptop')
    await user.click(within(drawer).getByRole('button', { name: 'Revoke Old laptop' }))

    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke “Old laptop”?' })
    await user.click(within(confirm).getByRole('button', { name: 'Revoke token' }))

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    const after = screen.getByRole('dialog', { name: 'Old laptop' })
    expect(within(after).getByText('Revoked', { selector: '.status' })).toBeVisible()
    expect(await within(after).findByText('Revoked', { selector: 'dt' })).toBeVisible()
    expect(within(after).queryByRole('button', { name: 'Revoke Old laptop' })).toBeNull()
    expect(after).toHaveFocus()
  })

  it('keeps a failed revoke in the details, with the request id and Try again', async () => {
    const { user, db } = await setup()
    server.use(
      http.delete('*/api/public/v1/tokens/:id', () =>
        errorEnvelope(500, 'INTERNAL_ERROR', 'Revocation store unavailable', 'req-500-drawer'),
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Old laptop' }))
    const drawer = await findDrawer('Old laptop')
    await user.click(within(drawer).getByRole('button', { name: 'Revoke Old laptop' }))
    const confirm = await screen.findByRole('alertdialog')
    await user.click(within(confirm).getByRole('button', { name: 'Revoke token' }))

    const note = await within(drawer).findByRole('group', { name: 'Revoke of Old laptop failed' })
    expect(within(note).getByText('req-500-drawer')).toBeVisible()
    expect(within(drawer).getByText('Active', { selector: '.status' })).toBeVisible()

    server.use(...handlersFor(db))
    await user.click(within(note).getByRole('button', { name: 'Try again' }))
    expect(await within(drawer).findByText('Revoked', { selector: 'dt' })).toBeVisible()
    expect(within(drawer).queryByRole('group', { name: /failed/ })).toBeNull()
    expect(drawer).toHaveFocus()
  })
})
