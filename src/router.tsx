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

/**
 * What the server's render puts in the page for the browser's router to take back (TanStack
 * Router's `dehydrate` and `hydrate`): the query cache, in React Query's dehydrated form, as JSON
 * text (one string literal parses faster than the same data written as script, and the API's
 * answers are JSON to begin with). The server gives `dehydrate`, the browser `hydrate`, so each
 * bundle carries only its half.
 */
interface ServerRenderOptions {
  dehydrate?: () => { queries: string }
  hydrate?: (dehydrated: { queries: string }) => void
  /** The response's CSP nonce, for the router's inline hydration scripts. */
  ssr?: { nonce: string }
}

export type ServerRenderHooks = (queryClient: QueryClient) => ServerRenderOptions

export function createAppRouter(
  context: RouterContext,
  history?: RouterHistory,
  serverRender: ServerRenderOptions = {},
) {
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
    ...serverRender,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
