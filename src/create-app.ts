import type { DefaultOptions } from '@tanstack/react-query'
import type { RouterHistory } from '@tanstack/react-router'
import {
  createSessionControls,
  type SessionControls,
} from './features/session/api/session-controls'
import { createQueryClient } from './query-client'
import { createAppRouter, type ServerRenderHooks } from './router'

interface AppOptions {
  history?: RouterHistory
  queryDefaults?: DefaultOptions
  /** The first retry's wait for a failed GET (tests shorten it; see query-client.ts). */
  backoffBaseMs?: number
  /**
   * The serve command's render (src/entry-server.tsx): the request's session, known from its
   * cookie, with nothing to sign out of. In the browser the app builds its own.
   */
  session?: SessionControls
  /** Moving the query cache from the server's render into the page (src/entry-server.tsx). */
  serverRender?: ServerRenderHooks
}

/**
 * Builds the query client, the session controls and the router. Used by main.tsx, by the server
 * render, and by tests.
 */
export function createApp({
  history,
  queryDefaults,
  backoffBaseMs,
  session: serverSession,
  serverRender,
}: AppOptions = {}) {
  const queryClient = createQueryClient({
    defaultOptions: queryDefaults,
    backoffBaseMs,
    onUnauthorized: () => session.onUnauthorized(),
  })
  const session =
    serverSession ??
    createSessionControls({
      queryClient,
      goToSignIn: () => router.navigate({ to: '/sign-in' }),
    })
  const router = createAppRouter({ queryClient, session }, history, serverRender?.(queryClient))
  return { queryClient, router }
}
