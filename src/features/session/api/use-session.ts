import { useRouteContext } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { getSessionSnapshot, subscribeSession, type SignOutReason } from './session-store'
import type { SessionControls } from './session-controls'

const isSignedIn = () => getSessionSnapshot().token !== null
const readSignOutReason = () => getSessionSnapshot().signOutReason

interface SessionView extends Pick<SessionControls, 'signOut'> {
  signedIn: boolean
  /** Why the last session ended, shown once on the sign-in page. */
  signOutReason: SignOutReason | null
}

/**
 * The React read of the session: whether there is one, the last sign-out reason, and the way out.
 * Never the token: React keeps what a hook returned in its state (and in a fiber's alternate after
 * the next render), where it would outlive the session.
 */
export function useSession(): SessionView {
  const signedIn = useSyncExternalStore(subscribeSession, isSignedIn)
  const signOutReason = useSyncExternalStore(subscribeSession, readSignOutReason)
  const signOut = useRouteContext({
    from: '__root__',
    select: (context) => context.session.signOut,
  })
  return { signedIn, signOutReason, signOut }
}
