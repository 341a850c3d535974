import type { DefaultOptions } from '@tanstack/react-query'
import type { RouterHistory } from '@tanstack/react-router'
import { createSessionControls } from './features/session/api/session-controls'
import { createQueryClient } from './query-client'
import { createAppRouter } from './router'

interface AppOptions {
  history?: RouterHistory
  queryDefaults?: DefaultOptions
  /** The first retry's wait for a failed GET (tests shorten it; see query-client.ts). */
  backoffBaseMs?: number
}

/** Builds the query client, the session controls and the router. Used by main.tsx and tests. */
export function createApp({ history, queryDefaults, backoffBaseMs }: AppOptions = {}) {
  const queryClient = createQueryClient({
    defaultOptions: queryDefaults,
    backoffBaseMs,
    onUnauthorized: () => session.onUnauthorized(),
  })
  const session = createSessionControls({
    queryClient,
    goToSignIn: () => router.navigate({ to: '/sign-in' }),
  })
  const router = createAppRouter({ queryClient, session }, history)
  return { queryClient, router }
}
