import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { signInForTest } from '../../../testing/msw/serve-session'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../testing/msw/db'
import { errorEnvelope, handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'

const now = Date.now()
const SECRET_PATTERN = /ot_pat_\w+_s{32}/

function seededDb(extra = 0): TestDb {
  return createTestDb([
    buildToken({ id: 'tok_old', name: 'Old CI token', lastUsedAt: daysAgo(3, now) }),
    ...Array.from({ length: extra }, (_, i) =>
      buildToken({ id: `tok_fill${i}`, name: `Filler ${i}`, lastUsedAt: daysAgo(1, now) }),
    ),
  ])
}

async function setup(db = seededDb()) {
  const posts: unknown[] = []
  server.events.removeAllListeners('request:start')
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST') posts.push(request.url)
  })
  server.use(...handlersFor(db))
  signInForTest()
  const view = renderRoute('/tokens')
  await screen.findByRole('grid')
  return { db, posts, ...view }
}

/** The dialog's code loads after the table: tests wait for it. */
async function openForm(user: Awaited<ReturnType<typeof setup>>['user']) {
  await user.click(screen.getByRole('button', { name: 'New token' }))
  return screen.findByRole('dialog', { name: 'New personal API token' })
}

describe('creating a token', () => {
  it('offers only the scopes the session holds, sums up the token, shows the secret once and puts the new row first', async () => {
    const { user, queryClient } = await setup()
    expect(screen.getByText('23 of 25 left')).toBeVisible()
    const dialog = await openForm(user)

    await user.type(within(dialog).getByLabelText('Name'), 'Deploy bot')
    expect(within(dialog).getByText('10 / 120 characters.', { exact: false })).toBeVisible()
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:write/ }))
    const read = within(dialog).getByRole('checkbox', { name: /^jobs:read/ })
    expect(read).toBeChecked()
    expect(read).toBeDisabled()
    expect(read).toHaveAccessibleDescription('Included with jobs:write.')
    const notHeld = within(dialog).getByRole('checkbox', { name: /^proposals:read/ })
    expect(notHeld).toBeDisabled()
    expect(notHeld).toHaveAccessibleDescription(/does not hold it/)
    await user.click(within(dialog).getByRole('radio', { name: /^7 days/ }))
    expect(within(dialog).getByRole('region', { name: 'Summary' })).toHaveTextContent(
      /Creates “Deploy bot” with 2 scopes: jobs:read, jobs:write\. It expires on .+ \(in 7 days\)\./,
    )

    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    const secretDialog = await screen.findByRole('dialog', { name: 'Copy your new token' })
    // Hidden until asked for: the page holds only what the preview shows anyway.
    expect(document.body.textContent).not.toMatch(SECRET_PATTERN)
    await user.click(within(secretDialog).getByRole('button', { name: 'Show' }))
    const secret = within(secretDialog).getByLabelText('The new token').textContent ?? ''
    expect(secret).toMatch(SECRET_PATTERN)
    await user.click(within(secretDialog).getByRole('button', { name: 'Copy' }))
    expect(await navigator.clipboard.readText()).toBe(secret)
    expect(within(secretDialog).getByRole('button', { name: 'Copied' })).toBeVisible()

    // Never in the query or mutation cache.
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.state),
      queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state),
    ])
    expect(cached).not.toContain(secret)

    await user.click(within(secretDialog).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.body.textContent).not.toContain(secret)
    const firstRow = screen.getAllByRole('row')[1]
    expect(firstRow).toHaveAccessibleName(/Deploy bot/)
    expect(firstRow).toHaveClass('token-row--fresh')
    expect(
      within(firstRow as HTMLElement).getByRole('button', { name: 'Deploy bot' }),
    ).toHaveFocus()
    expect(
      screen.getByText(`Created ${bidiIsolate('Deploy bot')}. It is first in the list.`),
    ).toBeInTheDocument()
  })

  it('asks before closing when the secret was not copied', async () => {
    const { user } = await setup()
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Name'), 'Reporting')
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:read/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    await screen.findByRole('dialog', { name: 'Copy your new token' })

    await user.keyboard('{Escape}')
    const confirm = screen.getByRole('dialog', { name: 'Close without copying the token?' })
    await user.click(within(confirm).getByRole('button', { name: 'Go back to the token' }))
    await user.keyboard('{Escape}')
    await user.click(
      within(screen.getByRole('dialog', { name: /Close without copying/ })).getByRole('button', {
        name: 'Close without copying',
      }),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('"Copy and close" copies the secret and closes without asking', async () => {
    const { user } = await setup()
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Name'), 'Nightly export')
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:read/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    const secretDialog = await screen.findByRole('dialog', { name: 'Copy your new token' })
    await user.click(within(secretDialog).getByRole('button', { name: 'Copy and close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await navigator.clipboard.readText()).toMatch(SECRET_PATTERN)
  })

  it('checks the form before sending anything, and focuses what to fix', async () => {
    const { user, posts } = await setup()
    const dialog = await openForm(user)
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    expect(within(dialog).getByLabelText('Name')).toHaveFocus()
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      /Give the token a name/,
    )
    expect(within(dialog).getByText('Choose at least one scope.')).toBeVisible()
    expect(posts).toEqual([])
  })

  it('refuses a name holding a zero-width character before sending, as the API would (D20)', async () => {
    const { user, posts } = await setup()
    const dialog = await openForm(user)
    const field = within(dialog).getByLabelText('Name')
    await user.click(field)
    await user.paste('CI\u200Bdeploy')
    await user.click(within(dialog).getByRole('checkbox', { name: /jobs:read/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    expect(field).toHaveFocus()
    expect(field).toHaveAccessibleDescription(/invisible/)
    expect(posts).toEqual([])
  })

  it('shows a refused scope next to the scopes, with the request id, and keeps what was typed', async () => {
    const { user } = await setup()
    server.use(
      http.post('*/api/public/v1/tokens', () =>
        HttpResponse.json(
          {
            error: 'A requested scope is not covered by your token.',
            code: 'FORBIDDEN',
            requestId: 'req-denied',
            details: { deniedScopes: ['jobs:write'], grantedScopes: ['jobs:read'] },
          },
          { status: 403 },
        ),
      ),
    )
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Name'), 'Writer')
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:write/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))

    const scopes = within(dialog).getByRole('group', { name: 'Scopes' })
    expect(
      await within(scopes).findByText(
        'A requested scope is not covered by your token. Not covered: jobs:write.',
      ),
    ).toBeVisible()
    expect(within(dialog).getByText('req-denied')).toBeVisible()
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Writer')
    expect(within(dialog).getByRole('checkbox', { name: /^jobs:write/ })).toBeChecked()
  })

  it('says above the buttons when the server refuses at the cap', async () => {
    const { user } = await setup()
    server.use(
      http.post('*/api/public/v1/tokens', () =>
        errorEnvelope(409, 'CONFLICT', 'You already have 25 active tokens.', 'req-cap'),
      ),
    )
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Name'), 'One more')
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:read/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    expect(
      await within(dialog).findByText(
        'You already have 25 active tokens. Revoke a token you no longer need, then create this one.',
      ),
    ).toBeVisible()
    expect(within(dialog).getByText('req-cap')).toBeVisible()
  })

  it('at the cap, the button says why and opens nothing', async () => {
    const { user } = await setup(seededDb(23))
    const button = screen.getByRole('button', { name: 'New token' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription('25 of 25 active: revoke one to create another')
    await user.click(button)
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('the New token form', () => {
  it('says a past date is wrong next to the date field, not under "Never"', async () => {
    const { user, posts } = await setup()
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Name'), 'Dated')
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:read/ }))
    await user.click(within(dialog).getByRole('radio', { name: 'On a date' }))
    const date = within(dialog).getByLabelText('Last day it works')
    fireEvent.change(date, { target: { value: '2020-01-01' } })
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))

    const error = within(dialog).getByText('Choose a date in the future.')
    expect(date).toHaveAttribute('aria-invalid', 'true')
    expect(date.getAttribute('aria-describedby')?.split(' ')).toContain(error.id)
    // Right after the date field, before the "Never" choice.
    const never = within(dialog).getByRole('radio', { name: 'Never' })
    expect(date.compareDocumentPosition(error) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(error.compareDocumentPosition(never) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(date).toHaveFocus()
    expect(posts).toEqual([])
  })

  it('after a submit with no scope, focuses the scope list and says why', async () => {
    const { user, posts } = await setup()
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Name'), 'Scopeless')
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))

    const scopes = within(dialog).getByRole('group', { name: 'Scopes' })
    expect(within(scopes).getByRole('alert')).toHaveTextContent('Choose at least one scope.')
    expect(scopes).toHaveAccessibleDescription('Choose at least one scope.')
    expect(within(scopes).getByRole('checkbox', { name: /^jobs:read/ })).toHaveFocus()
    expect(posts).toEqual([])
  })

  it('says when an active token already has the name, and still creates it', async () => {
    const { user, db } = await setup()
    const dialog = await openForm(user)
    const name = within(dialog).getByLabelText('Name')
    await user.type(name, ' old ci TOKEN ')
    const note = `You already have a token named “Old CI token”: a distinct name tells them apart later.`
    const warning = within(dialog).getByText(/^You already have a token named/)
    expect(warning).toBeVisible()
    expect(warning).toHaveTextContent(note)
    expect(name).toHaveAccessibleDescription(expect.stringContaining(note))
    expect(name).not.toHaveAttribute('aria-invalid')

    await user.clear(name)
    await user.type(name, 'Old CI token (laptop)')
    expect(within(dialog).queryByText(/You already have a token named/)).toBeNull()
    await user.clear(name)
    await user.type(name, 'Old CI token')
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:read/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    await screen.findByRole('dialog', { name: 'Copy your new token' })
    expect([...db.tokens.values()].filter((token) => token.name === 'Old CI token')).toHaveLength(2)
  })

  it('closes an untouched form at once on Escape', async () => {
    const { user } = await setup()
    await openForm(user)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('asks before Escape or Cancel discards what was typed; keeping it restores the form and focus', async () => {
    const { user, posts } = await setup()
    const dialog = await openForm(user)
    const name = within(dialog).getByLabelText('Name')
    await user.type(name, 'Half done')
    await user.click(within(dialog).getByRole('checkbox', { name: /^jobs:write/ }))

    await user.keyboard('{Escape}')
    const ask = screen.getByRole('dialog', { name: 'Discard this new token?' })
    const keep = within(ask).getByRole('button', { name: 'Keep editing' })
    expect(keep).toHaveFocus()
    await user.click(keep)
    const form = screen.getByRole('dialog', { name: 'New personal API token' })
    expect(within(form).getByLabelText('Name')).toHaveValue('Half done')
    expect(within(form).getByRole('checkbox', { name: /^jobs:write/ })).toBeChecked()
    expect(within(form).getByRole('checkbox', { name: /^jobs:write/ })).toHaveFocus()

    // Escape on the question keeps editing too: it is the safe way out.
    await user.keyboard('{Escape}')
    await user.keyboard('{Escape}')
    expect(screen.getByRole('dialog', { name: 'New personal API token' })).toBeVisible()

    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    const again = screen.getByRole('dialog', { name: 'Discard this new token?' })
    await user.click(within(again).getByRole('button', { name: 'Discard' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('button', { name: 'New token' })).toHaveFocus()
    expect(posts).toEqual([])

    // Opened again, the form is empty.
    const fresh = await openForm(user)
    expect(within(fresh).getByLabelText('Name')).toHaveValue('')
    expect(within(fresh).getByRole('checkbox', { name: /^jobs:write/ })).not.toBeChecked()
  })
})
