// A name holding a bidi override (`a\u202Eexe.txt` displays as "atxt.exe") must not reorder the
import { signInForTest } from '../../../testing/msw/serve-session'
// text around it (issue 11): every place the console shows a name isolates it, with <bdi> in
// markup and with FSI…PDI in plain strings (toasts, notes, announcements).
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import { createTestDb } from '../../../testing/msw/db'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

const TRICK = 'invoice\u202Eexe.txt'

describe('names with bidi controls', () => {
  it('are isolated in the row, the dialog, the toast and the announcement', async () => {
    const db = createTestDb([
      buildToken({ id: 'tok_trick', name: TRICK, lastUsedAt: daysAgo(3, Date.now()) }),
    ])
    server.use(...handlersFor(db))
    signInForTest()
    const { user } = renderRoute('/tokens')

    const row = await screen.findByRole('row', { name: /invoice/ })
    expect(within(row).getByText(TRICK)).toHaveProperty('tagName', 'BDI')

    await user.click(within(row).getByRole('button', { name: `Revoke ${TRICK}` }))
    const dialog = await screen.findByRole('alertdialog')
    expect(within(dialog).getByText(TRICK)).toHaveProperty('tagName', 'BDI')
    await user.click(within(dialog).getByRole('button', { name: 'Revoke token' }))

    expect(await screen.findByText(`Revoked “${bidiIsolate(TRICK)}”`)).toBeVisible()
    expect(
      screen.getByText(`Revoked ${bidiIsolate(TRICK)}. It no longer works.`),
    ).toBeInTheDocument()
  })
})
