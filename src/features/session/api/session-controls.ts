import type { QueryClient } from '@tanstack/react-query'
import { endSession, readSessionToken, type SignOutReason } from './session-store'

/** What the router context carries about the session: route guards read it, nothing imports it. */
export interface SessionControls {
  /** The session's token, or `null` when signed out. */
  getToken: () => string | null
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
    // Leave the protected page first, so nothing on it refetches with an empty cache.
    void goToSignIn().finally(() => queryClient.clear())
  }
  return {
    getToken: readSessionToken,
    signOut,
    onUnauthorized: () => {
      if (readSessionToken() !== null) signOut('token-invalid')
    },
  }
}
