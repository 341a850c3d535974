import type { QueryClient } from '@tanstack/react-query'
import { createRouter, lazyRouteComponent, type RouterHistory } from '@tanstack/react-router'
import { RoutePending } from './components/route-pending'
import type { SessionControls } from './features/session/api/session-controls'
import { routeTree } from './route-tree.gen'

export interface RouterContext {
  queryClient: QueryClient
  session: SessionControls
}

// Shown only when something goes wrong: fetched then, not with the first render (the not-found
// page's Link alone is ~2.5 kB brotli of router code).
const RouteError = lazyRouteComponent(() => import('./components/route-error'), 'RouteError')
const NotFound = lazyRouteComponent(() => import('./components/not-found'), 'NotFound')

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
