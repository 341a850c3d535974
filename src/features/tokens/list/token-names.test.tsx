// Names cut short in the list (issue 19, point 5): a rotation's marker stays whole, and a name
import { signInForTest } from '../../../testing/msw/serve-session'
// that does not fit shows whole in a tooltip on hover and on keyboard focus. jsdom lays nothing
// out, so the widths that say "cut short" are given here; e2e/token-names.spec.ts measures them.
import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestDb } from '../../../testing/msw/db'
import { handlersFor } from '../../../testing/msw/handlers'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken } from '../../../testing/token-fixture'

const LONG = 'Webhook relay for the nightly billing export and the partner sync'
const FIRST = `${LONG} (replaces ot_pat_1111********aaaa)`
const SECOND = `${LONG} (replaces ot_pat_2222********bbbb)`

/** Every part of the rows named in `cut` is wider than its box; the rest fits. */
function layOut(cut: readonly string[]) {
  const cutShort = (element: Element) =>
    // eslint-disable-next-line testing-library/no-node-access -- the row a measured part is in
    cut.some((id) => element.closest(`[data-token-id="${id}"]`) !== null)
  vi.spyOn(Element.prototype, 'scrollWidth', 'get').mockImplementation(function (this: Element) {
    return cutShort(this) ? 400 : 100
  })
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(100)
}

async function setup() {
  const db = createTestDb([
    buildToken({ id: 'tok_first', name: FIRST }),
    buildToken({ id: 'tok_second', name: SECOND }),
    buildToken({ id: 'tok_short', name: 'Short' }),
  ])
  server.use(...handlersFor(db))
  signInForTest()
  const view = renderRoute('/tokens')
  await screen.findByRole('grid')
  return view
}

/** The name's button: named by the whole name, where Rotate and Revoke add a verb. */
const nameButton = (name: string) => screen.getByRole('button', { name })

afterEach(() => vi.restoreAllMocks())

describe('token names in the list', () => {
  it('keep a rotation’s marker whole, apart from the part that may be cut', async () => {
    await setup()
    const first = nameButton(FIRST)
    expect(first).toHaveAccessibleName(FIRST)
    expect(within(first).getByText(LONG)).toHaveClass('token-name__base')
    expect(
      within(first).getByText(' (replaces ot_pat_1111********aaaa)', { normalizer: String }),
    ).toHaveClass('token-name__marker')
    expect(within(nameButton('Short')).queryByText(/replaces/)).toBeNull()
  })

  it('show a name cut short whole on keyboard focus and on hover; a name that fits gets no tooltip', async () => {
    layOut(['tok_first', 'tok_second'])
    const { user } = await setup()

    act(() => nameButton(FIRST).focus())
    expect(await screen.findByRole('tooltip')).toHaveTextContent(FIRST)
    expect(nameButton(FIRST)).toHaveFocus()
    act(() => nameButton(FIRST).blur())
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())

    await user.hover(nameButton(SECOND))
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent(SECOND))

    await user.unhover(nameButton(SECOND))
    act(() => nameButton('Short').focus())
    await user.hover(nameButton('Short'))
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())
    // The Radix tooltip is loaded by now: a short name's would have opened by the time it settles.
    await act(() => Promise.resolve())
    expect(screen.queryByRole('tooltip')).toBeNull()
  })
})
