import type { QueryClient } from '@tanstack/react-query'
import { clearServerSession } from './session-api'
import { endSession, isSignedIn, type SignOutReason } from './session-store'

/** What the router context carries about the session: route guards read it, nothing imports it. */
export interface SessionControls {
  /** Whether there is a session (the serve command holds its token). */
  isSignedIn: () => boolean
  /** Ends the session, leaves for the sign-in page, then drops every cached answer. */
  signOut: (reason: SignOutReason) => void
  /** For the query client: any 401 means the token stopped working (revoked or expired). */
  onUnauthorized: () => void
}

interface SessionControlsSetup {
  queryClient: QueryClient
  /** Navigates to the sign-in page; resolves once there. */
  goToSignIn: () => Promise<unknown>
}

export function createSessionControls({
  queryClient,
  goToSignIn,
}: SessionControlsSetup): SessionControls {
  const signOut = (reason: SignOutReason) => {
    endSession(reason)
    // The cookies are the session: the serve command clears them (after a 401 it already has).
    clearServerSession()
    // Leave the protected page first, so nothing on it refetches with an empty cache.
    void goToSignIn().finally(() => queryClient.clear())
  }
  return {
    isSignedIn,
    signOut,
    onUnauthorized: () => {
      if (isSignedIn()) signOut('token-invalid')
    },
  }
}
