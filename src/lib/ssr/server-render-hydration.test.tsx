// One "now", locale and zone for a page the serve command rendered (docs/server-rendering.md): the
// render that hydrates it writes what the server wrote, so React (here in its development build,
// which reports every mismatch) has nothing to warn about; the next render is the browser's own.
import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { Timestamp } from '../../components/timestamp'
import { TooltipProvider } from '../../components/ui/tooltip'
import { ServerRenderContext, type ServerRender } from './server-render'

const USED_AT = '2026-03-10T17:04:05.000Z'
const NOW = Date.parse('2026-03-10T20:04:05.000Z')
/** 02:04 on 11 March in Tokyo: the date differs from the browser's (UTC here). */
const SERVER: ServerRender = { now: NOW, locale: 'de-DE', timeZone: 'Asia/Tokyo' }

function page() {
  return (
    <ServerRenderContext value={SERVER}>
      <TooltipProvider>
        <Timestamp value={USED_AT} label="Last used" withDate />
      </TooltipProvider>
    </ServerRenderContext>
  )
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW + 2 * 60 * 60 * 1000 })
  vi.stubEnv('TZ', 'UTC')
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllEnvs()
})

it('hydrates a server render written in another locale, zone and time without a warning, then shows the browser’s', async () => {
  const view = renderToString(page())
  expect(view).toContain('vor 3 Stunden')
  expect(view).toContain('11.03.2026')

  const container = document.createElement('div')
  container.innerHTML = view
  document.body.append(container)
  const warnings = vi.spyOn(console, 'error')
  const mismatches: unknown[] = []
  const root = await act(async () => {
    const hydrated = hydrateRoot(container, page(), {
      onRecoverableError: (error) => mismatches.push(error),
    })
    await Promise.resolve()
    return hydrated
  })
  expect(mismatches).toEqual([])
  expect(warnings).not.toHaveBeenCalled()
  // After hydrating: the browser's clock (two hours on), locale (en-US) and zone (UTC).
  expect(container.textContent).toContain('5 hours ago')
  expect(container.textContent).toContain('Mar 10, 2026')
  // Unmounted under the fake clock: the shared clock (use-now.ts) stops, and later tests, which
  // share its module, read the real time again.
  act(() => root.unmount())
  container.remove()
})
