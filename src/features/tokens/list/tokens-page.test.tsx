import { screen, waitFor, within } from '@testing-library/react'
import { signInForTest } from '../../../testing/msw/serve-session'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { deferred } from '../../../testing/deferred'
import { createTestDb } from '../../../testing/msw/db'
import { errorEnvelope, handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

const now = Date.now()

function seededDb() {
  return createTestDb([
    buildToken({
      id: 'tok_ci',
      name: 'ci-deploy',
      scopes: ['jobs:read', 'jobs:write', 'proposals:read'],
      lastUsedAt: daysAgo(3 / 24, now),
      createdAt: daysAgo(40, now),
    }),
    buildToken({
      id: 'tok_old',
      name: 'Old laptop',
      lastUsedAt: daysAgo(200, now),
      createdAt: daysAgo(400, now),
    }),
    buildToken({ id: 'tok_new', name: 'Fresh, unused', createdAt: daysAgo(30, now) }),
    buildToken({
      id: 'tok_soon',
      name: 'Reporting',
      expiresAt: daysAgo(-3, now),
      lastUsedAt: daysAgo(1, now),
    }),
    buildToken({
      id: 'tok_exp',
      name: 'Trial',
      status: 'active',
      expiresAt: daysAgo(5, now),
      lastUsedAt: daysAgo(10, now),
    }),
    buildToken({ id: 'tok_rev', name: 'Leaked', status: 'revoked', revokedAt: daysAgo(2, now) }),
    buildToken({
      id: 'tok_html',
      name: '<img src=x onerror=alert(1)>',
      lastUsedAt: daysAgo(0.01, now),
    }),
  ])
}

function signedIn(db = seededDb()) {
  server.use(...handlersFor(db))
  signInForTest()
  return db
}

function rowFor(name: string | RegExp) {
  return screen.getByRole('row', { name })
}

describe('tokens page', () => {
  it('shows skeleton rows while the list loads, then every active token with its last use', async () => {
    const db = signedIn()
    const listSent = deferred()
    server.use(
      http.get('*/api/public/v1/tokens', async () => {
        await listSent.promise // held until the skeleton has been seen
        return HttpResponse.json({ tokens: [...db.tokens.values()] })
      }),
    )
    renderRoute('/tokens')

    expect(await screen.findByText('Loading your tokens…', {}, { timeout: 3_000 })).toBeVisible()
    listSent.resolve()
    const table = await screen.findByRole('grid', {}, { timeout: 3_000 })

    // Default view: tokens that still work, most recently used first; never-used last.
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent)
    expect(names).toEqual([
      '<img src=x onerror=alert(1)>',
      'ci-deploy',
      'Reporting',
      'Old laptop',
      'Fresh, unused',
      'ci-runnerThis session',
    ])
  }, 10_000)

  it('marks state, session, staleness and last use on each row', async () => {
    signedIn()
    renderRoute('/tokens?status=all')
    await screen.findByRole('grid')

    expect(within(rowFor(/ci-runner/)).getByText('This session')).toBeVisible()
    expect(within(rowFor(/ci-deploy/)).getByText('3 hours ago')).toBeVisible()
    expect(within(rowFor(/ci-deploy/)).getByRole('button', { name: '1 more scopes' })).toBeVisible()
    expect(within(rowFor(/Old laptop/)).getByText('Stale')).toBeVisible()
    expect(within(rowFor(/Fresh, unused/)).getByText('Never used')).toBeVisible()
    expect(within(rowFor(/Fresh, unused/)).getByText('Stale')).toBeVisible()
    expect(within(rowFor(/Reporting/)).getByText('Expiring soon')).toBeVisible()
    expect(within(rowFor(/Reporting/)).getByText('3 days left: rotate it')).toBeVisible()
    // An "active" token past its expiry is shown as expired (D1).
    expect(within(rowFor(/Trial/)).getByText('Expired')).toBeVisible()
    expect(within(rowFor(/Leaked/)).getByText('Revoked')).toBeVisible()
    // A name that looks like HTML is text, not markup.
    expect(within(rowFor(/onerror/)).getByText('<img src=x onerror=alert(1)>')).toBeVisible()
    expect(screen.queryByRole('img')).toBeNull()
  })

  it('shows each date with its calendar date, "No expiry" plainly, and one nudge for them all', async () => {
    const db = signedIn()
    db.tokens.set(
      'tok_session',
      buildToken({ ...db.tokens.get('tok_session')!, lastUsedAt: daysAgo(0, now) }),
    )
    renderRoute('/tokens')
    await screen.findByRole('grid')
    const calendarDate = (daysBack: number) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(
        Date.parse(daysAgo(daysBack, now)),
      )

    const deploy = rowFor(/ci-deploy/)
    expect(within(deploy).getByText('3 hours ago')).toBeVisible()
    expect(within(deploy).getByText(calendarDate(3 / 24))).toBeVisible() // last used
    expect(within(deploy).getByText(calendarDate(40))).toBeVisible() // created
    expect(within(rowFor(/Reporting/)).getByText(calendarDate(-3))).toBeVisible() // expires
    // No expiry: said plainly in the row, once for the account above the table.
    expect(within(deploy).getByText('No expiry')).toBeVisible()
    expect(within(deploy).queryByText('Never')).toBeNull()
    const active = screen.getAllByRole('rowheader').length
    const withExpiry = 1 // Reporting
    expect(
      screen.getByText(new RegExp(`^${active - withExpiry} active tokens never expire\\.`)),
    ).toBeVisible()
    // The console's own token reads "now" because of the console: it says so.
    expect(within(rowFor(/ci-runner/)).getByText('now')).toBeVisible()
    expect(within(rowFor(/ci-runner/)).getByText('by this console')).toBeVisible()
  })

  it('shows the exact local and UTC time when a last-used date gets keyboard focus', async () => {
    signedIn()
    const { user } = renderRoute('/tokens')
    await screen.findByRole('grid')

    const relative = within(rowFor(/ci-deploy/)).getByText('3 hours ago')
    await user.click(document.body)
    relative.focus()
    const tooltip = await screen.findByRole('tooltip')
    expect(tooltip).toHaveTextContent('Last used')
    expect(tooltip).toHaveTextContent('UTC')
    // Where last use is read, it says the record may trail real use (D9).
    expect(tooltip).toHaveTextContent('OpenTrain may record use a few minutes late.')
  })

  it('filters from a summary card and keeps the filter in the URL', async () => {
    signedIn()
    const { user, router } = renderRoute('/tokens')
    await screen.findByRole('grid')

    const staleCard = screen.getByRole('button', { name: 'Show 3 stale tokens' })
    expect(staleCard).toHaveAttribute('aria-pressed', 'false')
    await user.click(staleCard)

    await waitFor(() => expect(router.state.location.search).toMatchObject({ status: 'stale' }))
    expect(staleCard).toHaveAttribute('aria-pressed', 'true')
    const names = screen.getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(names).toEqual(['Old laptop', 'Fresh, unused', 'ci-runnerThis session'])
  })

  it('names each summary card for what a click does, with its detail as the description', async () => {
    signedIn()
    renderRoute('/tokens')
    await screen.findByRole('grid')

    const cards = within(screen.getByRole('list', { name: 'Summary' })).getAllByRole('button')
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual([
      'Show 6 active tokens',
      'Show 3 stale tokens',
      'Show 1 token expiring soon',
      'Show 1 revoked token',
      'Show 1 expired token',
    ])
    expect(
      screen.getByRole('button', { name: 'Show 6 active tokens' }),
    ).toHaveAccessibleDescription('19 more allowed')
  })

  it('says on the stale card what it counts: a token never used is stale after a week, not at once', async () => {
    server.use(
      ...handlersFor(
        createTestDb([
          buildToken({ id: 'tok_idle', name: 'Idle', lastUsedAt: daysAgo(100, now) }),
          buildToken({ id: 'tok_unused', name: 'Unused', createdAt: daysAgo(10, now) }),
          buildToken({ id: 'tok_new', name: 'Brand new', createdAt: daysAgo(3, now) }),
        ]),
      ),
    )
    signInForTest()
    renderRoute('/tokens')
    await screen.findByRole('grid')

    // Idle, Unused and the session's own (never used, created months ago); not Brand new, 3 days old.
    expect(screen.getByRole('button', { name: 'Show 3 stale tokens' })).toHaveAccessibleDescription(
      'Unused 90+ days, or never used in 7+ days',
    )
  })

  it('lists each sort in its natural direction first (A to Z, newest first)', async () => {
    signedIn()
    renderRoute('/tokens')
    const sort = await screen.findByLabelText('Sort')
    expect(
      within(sort)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Last used, newest first',
      'Last used, oldest first',
      'Created, newest first',
      'Created, oldest first',
      'Expires, latest first',
      'Expires, soonest first',
      'Name, A to Z',
      'Name, Z to A',
    ])
  })

  it('reads filter, search and sort from the URL, and sorts from a column header', async () => {
    signedIn()
    const { user, router } = renderRoute('/tokens?status=all&q=ci&sort=name&dir=asc')
    await screen.findByRole('grid')

    expect(screen.getByRole('searchbox', { name: 'Search tokens' })).toHaveValue('ci')
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('all')
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(names()).toEqual(['ci-deploy', 'ci-runnerThis session'])

    await user.click(screen.getByRole('button', { name: 'Name' }))
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
        'aria-sort',
        'descending',
      ),
    )
    expect(router.state.location.search).toEqual({ status: 'all', q: 'ci', sort: 'name' }) // desc is the default
    expect(names()).toEqual(['ci-runnerThis session', 'ci-deploy'])

    // Back to the default sort: it leaves the URL, which keeps only what differs from the default.
    await user.click(screen.getByRole('button', { name: 'Last used' }))
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /Last used/ })).toHaveAttribute(
        'aria-sort',
        'descending',
      ),
    )
    expect(router.state.location.search).toEqual({ status: 'all', q: 'ci' })
  })

  it('shows, behind every card, exactly the tokens it counts; the selected card again goes back', async () => {
    signedIn()
    const { user, router } = renderRoute('/tokens')
    await screen.findByRole('grid')
    const cards = within(screen.getByRole('list', { name: 'Summary' })).getAllByRole('button')
    expect(cards.map((card) => card.textContent)).toEqual([
      expect.stringMatching(/active/),
      expect.stringMatching(/stale/),
      expect.stringMatching(/expiring soon/),
      expect.stringMatching(/revoked/),
      expect.stringMatching(/expired/),
    ])
    for (const card of cards) {
      const counted = Number(/^\d+/.exec(card.textContent ?? '')?.[0])
      await user.click(card)
      await waitFor(() => expect(card).toHaveAttribute('aria-pressed', 'true'))
      const rows = screen.queryAllByRole('rowheader').length
      expect(rows, card.textContent ?? '').toBe(counted)
    }
    // The expired card is selected now: a second click is the default view (active tokens).
    await user.click(cards[4]!)
    await waitFor(() => expect(router.state.location.search).toEqual({}))
    expect(cards[0]).toHaveAttribute('aria-pressed', 'true')
  })

  it('charts last use over the view, and each bucket filters the table, in the URL, and back', async () => {
    signedIn()
    const { user, router } = renderRoute('/tokens')
    await screen.findByRole('grid')
    const overview = screen.getByRole('group', { name: /Last use/ })
    const bucket = (name: RegExp) => within(overview).getByRole('button', { name })
    // Active tokens: ci-deploy (3 hours), Reporting (a day), Old laptop (200 days), the HTML one
    // (minutes), and two never used (Fresh, unused and the session's own).
    // Each bar says that it filters, after the label it shows.
    expect(bucket(/^Today: show 2 tokens$/)).toHaveAttribute('aria-pressed', 'false')
    expect(bucket(/^This week: show 1 token$/)).toBeVisible()
    expect(bucket(/^90\+ days: show 1 token$/)).toBeVisible()
    const never = bucket(/^Never: show 2 tokens$/)

    await user.click(never)
    await waitFor(() => expect(router.state.location.search).toEqual({ used: 'never' }))
    expect(never).toHaveAttribute('aria-pressed', 'true')
    const names = screen.getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(names.sort()).toEqual(['Fresh, unused', 'ci-runnerThis session'])

    await user.click(never)
    await waitFor(() => expect(router.state.location.search).toEqual({}))
    expect(screen.getAllByRole('rowheader').length).toBeGreaterThan(2)
  })

  it('puts never-used tokens first when sorting by last use, oldest first', async () => {
    signedIn()
    renderRoute('/tokens?sort=lastUsed&dir=asc')
    await screen.findByRole('grid')
    const names = screen.getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(names[0]).toBe('Fresh, unused')
    expect(names.indexOf('Old laptop')).toBeLessThan(names.indexOf('ci-deploy'))
  })

  it('falls back to the default view for a hand-edited URL', async () => {
    signedIn()
    renderRoute('/tokens?status=bogus&sort=size')
    await screen.findByRole('grid')
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('active')
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveValue('lastUsed:desc')
  })

  it('says when nothing matches, and clears the filters', async () => {
    signedIn()
    const { user } = renderRoute('/tokens?q=nothing-like-this')
    expect(await screen.findByText('No tokens match')).toBeVisible()
    expect(screen.getByText('Nothing among the active tokens fits the search.')).toBeVisible()
    expect(screen.getByText('Showing 0 of 8 tokens')).toBeVisible()

    await user.click(screen.getByRole('button', { name: 'Show all tokens' }))
    expect(await screen.findByRole('grid')).toBeVisible()
    expect(screen.getByRole('searchbox', { name: 'Search tokens' })).toHaveValue('')
    expect(screen.getAllByRole('rowheader')).toHaveLength(8)
  })

  it('names the empty view by its filter when nothing is searched, and counts in the singular', async () => {
    signedIn(createTestDb()) // the session's own token, nothing else
    renderRoute('/tokens?status=revoked')
    expect(await screen.findByText('No revoked tokens')).toBeVisible()
    expect(screen.queryByText(/fits the search/)).toBeNull()
    expect(screen.getByText('Showing 0 of 1 token')).toBeVisible()
  })

  it('says when the account has no tokens at all', async () => {
    signedIn()
    server.use(http.get('*/api/public/v1/tokens', () => HttpResponse.json({ tokens: [] })))
    renderRoute('/tokens')
    expect(await screen.findByText('No personal API tokens on this account')).toBeVisible()
  })

  it("shows the server's message and request id on failure, and retries", async () => {
    const db = signedIn()
    let calls = 0
    server.use(
      http.get('*/api/public/v1/tokens', () => {
        calls += 1
        return calls === 1
          ? errorEnvelope(503, 'INTERNAL_ERROR', 'Token service is warming up', 'req-503-abc')
          : HttpResponse.json({ tokens: [...db.tokens.values()] })
      }),
    )
    const { user } = renderRoute('/tokens')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Token service is warming up')
    expect(alert).toHaveTextContent('req-503-abc')

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('grid')).toBeVisible()
  })

  it('shows the not-found page for an address the console does not have', async () => {
    signedIn()
    renderRoute('/tokens/nothing-here')
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible()
  })

  it('keeps the table on screen while a refresh runs, and when it fails', async () => {
    const db = signedIn()
    const { user } = renderRoute('/tokens')
    await screen.findByRole('grid')

    let release = () => {}
    server.use(
      http.get(
        '*/api/public/v1/tokens',
        async () => {
          await new Promise<void>((resolve) => (release = resolve))
          return errorEnvelope(503, 'INTERNAL_ERROR', 'Token service is down', 'req-refresh-1')
        },
        { once: true },
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
    expect(await screen.findByText('Refreshing…')).toBeVisible()
    expect(rowFor(/ci-deploy/)).toBeVisible()

    release()
    const failure = await screen.findByText(
      /Could not refresh: Token service is down \(Request ID req-refresh-1\)/,
    )
    expect(failure).toBeVisible()
    // It says how old the list on screen is; it never claims an update that did not happen.
    expect(failure).toHaveTextContent(/Showing the list as of \d{1,2}:\d{2}/)
    expect(failure).not.toHaveTextContent(/Updated/)
    expect(rowFor(/ci-deploy/)).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()

    // The next refresh succeeds and the note goes away.
    db.tokens.delete('tok_ci')
    await user.click(screen.getByRole('button', { name: 'Refresh the token list' }))
    await waitFor(() => expect(screen.queryByRole('row', { name: /ci-deploy/ })).toBeNull())
    expect(screen.queryByText(/Could not refresh/)).toBeNull()
  })

  it('turns a pasted secret into its preview instead of putting it in the URL', async () => {
    signedIn()
    const { user, router } = renderRoute('/tokens?status=all')
    await screen.findByRole('grid')

    const box = screen.getByRole('searchbox', { name: 'Search tokens' })
    await user.click(box)
    await user.paste('ot_pat_c3f90123abcd_AbCdEfGhIjKlMnOpQrStUvWxYz01bd21')
    expect(box).toHaveValue('ot_pat_c3f9********bd21')
    expect(screen.getByText(/held a token/)).toBeVisible()
    expect(JSON.stringify(router.state.location)).not.toContain('AbCdEf')
  })

  it('keeps a secret with text around it, or typed key by key, out of the URL and its history', async () => {
    signedIn()
    const { user, router } = renderRoute('/tokens?status=all')
    await screen.findByRole('grid')
    const box = screen.getByRole('searchbox', { name: 'Search tokens' })
    const token = 'ot_pat_c3f90123abcd_AbCdEfGhIjKlMnOpQrStUvWxYz01bd21'
    // The secret but its last 4 characters, which the preview shows anyway (D11).
    const secret = token.slice('ot_pat_c3f90123abcd_'.length, -4)
    const seen: string[] = []
    const unsubscribe = router.history.subscribe(() => seen.push(router.history.location.href))

    await user.click(box)
    await user.paste(`Bearer ${token}.`)
    expect(box).toHaveValue('Bearer ot_pat_c3f9********bd21.')
    await user.clear(box)
    await user.type(box, token)
    expect(box).toHaveValue('ot_pat_c3f9')
    unsubscribe()

    expect(seen.length).toBeGreaterThan(10)
    for (const href of seen) {
      // No 3 characters in a row of it, in the URL's raw or decoded form.
      for (let at = 0; at + 3 <= secret.length; at++) {
        expect(decodeURIComponent(href)).not.toContain(secret.slice(at, at + 3))
      }
    }
  })

  it('keeps a secret pasted without its prefix, or with a zero-width space inside, out of the URL and its history', async () => {
    signedIn()
    const token = 'ot_pat_c3f90123abcd_AbCdEfGhIjKlMnOpQrStUvWxYz01bd21'
    const secret = token.slice('ot_pat_c3f90123abcd_'.length)
    // A link that carries the secret part: the page opens without it.
    const { user, router } = renderRoute(`/tokens?status=all&q=${secret}`)
    await screen.findByRole('grid')
    const box = screen.getByRole('searchbox', { name: 'Search tokens' })
    expect(box).toHaveValue('')
    const seen = [router.history.location.href]
    const unsubscribe = router.history.subscribe(() => seen.push(router.history.location.href))

    await user.click(box)
    await user.paste(`key ${token.slice(7)}`)
    expect(box).toHaveValue('key c3f90123abcd_')
    expect(screen.getByText(/held a token/)).toBeVisible()
    await user.clear(box)
    await user.paste(`ot_\u200Bpat_${token.slice(7)}`)
    expect(box).toHaveValue('ot_pat_c3f9********bd21')
    unsubscribe()

    for (const href of [...seen, router.state.location.href]) {
      expect(decodeURIComponent(href)).not.toContain(secret.slice(0, 8))
    }
  })
})
