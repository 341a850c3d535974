import { QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import { createApp } from '../create-app'
import { reportCaughtError } from '../lib/report-caught-error'

/**
 * Renders the real route tree at `path` with a fresh query client that never retries, or, with
 * `productionRetries`, retries as the app does, with the backoff shortened to milliseconds (a
 * 429's own `Retry-After` is still waited out). Under fake time, user-event moves the fake clock.
 */
export function renderRoute(path: string, { productionRetries = false } = {}) {
  const { queryClient, router } = createApp({
    history: createMemoryHistory({ initialEntries: [path] }),
    ...(productionRetries
      ? { backoffBaseMs: 5 }
      : { queryDefaults: { queries: { retry: false }, mutations: { retry: false } } }),
  })
  const user = userEvent.setup(
    vi.isFakeTimers() ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {},
  )
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
    { onCaughtError: reportCaughtError },
  )
  return { user, router, queryClient, ...view }
}
