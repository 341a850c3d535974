// The fault matrix's last row (issue 11): the browser going offline and coming back. The network
import { signInForTest } from '../../../testing/msw/serve-session'
// going away is played by the browser's own signals (navigator.onLine, the offline and online
// events) and by every request failing as fetch does offline.
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import { createTestDb } from '../../../testing/msw/db'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

const now = Date.now()
const network = { up: true, requests: { lists: 0, deletes: 0 } }

function setNetwork(up: boolean) {
  network.up = up
  window.dispatchEvent(new Event(up ? 'online' : 'offline'))
}

afterEach(() => {
  if (!network.up) setNetwork(true)
  vi.restoreAllMocks()
})

describe('offline and back', () => {
  it('shows a banner, says a revoke was not sent, and refetches the list when back', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => network.up)
    const db = createTestDb([
      buildToken({ id: 'tok_rep', name: 'Reporting', lastUsedAt: daysAgo(3, now) }),
    ])
    network.requests = { lists: 0, deletes: 0 }
    server.use(
      http.all('*/api/*', ({ request }) => {
        if (!network.up) return HttpResponse.error()
        if (request.method === 'GET' && request.url.endsWith('/tokens')) network.requests.lists += 1
        if (request.method === 'DELETE') network.requests.deletes += 1
        return undefined
      }),
      ...handlersFor(db),
    )
    signInForTest()
    const { user } = renderRoute('/tokens', { productionRetries: true })
    await screen.findByRole('row', { name: /Reporting/ })
    expect(screen.queryByText(/You are offline/)).toBeNull()

    setNetwork(false)
    expect(
      await screen.findByText(/^You are offline\. The page shows what was last loaded/),
    ).toBeVisible()
    // The list stays; a revoke fails at once (it is not held to go out unseen later).
    await user.click(screen.getByRole('button', { name: 'Revoke Reporting' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke token' }))
    const note = await within(screen.getByRole('row', { name: /Reporting/ })).findByRole('group', {
      name: 'Revoke of Reporting failed',
    })
    expect(
      within(note).getByText(`You are offline: “${bidiIsolate('Reporting')}” was not revoked`),
    ).toBeVisible()
    expect(within(screen.getByRole('row', { name: /Reporting/ })).getByText('Active')).toBeVisible()

    // Back: the banner goes and the list is fetched again, though it is younger than its
    // stale time. The revoke is not sent by itself.
    db.tokens.set('tok_new', buildToken({ id: 'tok_new', name: 'Made elsewhere' }))
    const listsBefore = network.requests.lists
    setNetwork(true)
    await waitFor(() => expect(screen.queryByText(/You are offline\./)).toBeNull())
    expect(await screen.findByRole('row', { name: /Made elsewhere/ })).toBeVisible()
    expect(network.requests.lists).toBe(listsBefore + 1)
    expect(network.requests.deletes).toBe(0)
  })
})
