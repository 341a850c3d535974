import type { DefaultOptions } from '@tanstack/react-query'
import type { RouterHistory } from '@tanstack/react-router'
import { createQueryClient } from './query-client'
import { createAppRouter } from './router'
import { endSession, readSessionToken, type SignOutReason } from './lib/session-store'

interface AppOptions {
  history?: RouterHistory
  queryDefaults?: DefaultOptions
}

/** Builds the query client and router together, wired for sign-out. Used by main.tsx and tests. */
export function createApp({ history, queryDefaults }: AppOptions = {}) {
  const signOut = (reason: SignOutReason) => {
    endSession(reason)
    // Leave the protected page first, then drop every cached answer of the old session.
    void router.navigate({ to: '/sign-in' }).finally(() => queryClient.clear())
  }
  const queryClient = createQueryClient({
    defaultOptions: queryDefaults,
    onUnauthorized: () => {
      if (readSessionToken() !== null) signOut('token-invalid')
    },
  })
  const router = createAppRouter({ queryClient, signOut }, history)
  return { queryClient, router }
}
