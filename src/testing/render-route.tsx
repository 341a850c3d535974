import { QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createApp } from '../create-app'

/** Renders the real route tree at `path` with a fresh query client that never retries. */
export function renderRoute(path: string) {
  const { queryClient, router } = createApp({
    history: createMemoryHistory({ initialEntries: [path] }),
    queryDefaults: { queries: { retry: false }, mutations: { retry: false } },
  })
  const user = userEvent.setup()
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { user, router, queryClient, ...view }
}
