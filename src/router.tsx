import type { QueryClient } from '@tanstack/react-query'
import { createRouter, type RouterHistory } from '@tanstack/react-router'
import { NotFound } from './components/not-found'
import { RouteError } from './components/route-error'
import { RoutePending } from './components/route-pending'
import type { SessionControls } from './features/session/api/session-controls'
import { routeTree } from './route-tree.gen'

export interface RouterContext {
  queryClient: QueryClient
  session: SessionControls
}

export function createAppRouter(context: RouterContext, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context,
    history,
    defaultPreload: 'intent',
    // The router never caches over React Query: loaders always ask the query cache.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: RoutePending,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
