import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { endSession } from '../features/session/api/session-store'
import { resetTestSession } from './msw/serve-session'
import { server } from './msw/server'

// Radix primitives call browser APIs jsdom lacks (radix-ui/primitives #1382, #1822).
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub
Element.prototype.hasPointerCapture = () => false
Element.prototype.releasePointerCapture = () => {}
Element.prototype.scrollIntoView = () => {}
// The window virtualizer scrolls the page to keep rows in place.
window.scrollTo = () => {}
// jsdom has no matchMedia; sonner reads prefers-color-scheme through it.
window.matchMedia = (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList

// findBy/waitFor wait up to 1 s by default; a lazily loaded piece (route, dialog, tooltip) is
// transformed on first use, which took over 5 s with two workers on a loaded 2-core machine.
// Waiting is not asserting a time.
configure({ asyncUtilTimeout: 10_000 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  endSession('signed-out') // the session store is a module singleton: reset it per test
  resetTestSession()
  localStorage.clear() // an access review in progress is kept there (tokens/review)
})
afterAll(() => server.close())
