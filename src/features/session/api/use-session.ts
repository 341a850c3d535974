import { useRouteContext } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { getSessionSnapshot, subscribeSession, type SignOutReason } from './session-store'
import type { SessionControls } from './session-controls'

const readSignedIn = () => getSessionSnapshot().signedIn
const readSignOutReason = () => getSessionSnapshot().signOutReason
/** A page the serve command rendered starts with no reason: one is set by what ends a session here. */
const noReasonWhenServed = () => null

interface SessionView extends Pick<SessionControls, 'signOut'> {
  signedIn: boolean
  /** Why the last session ended, shown once on the sign-in page. */
  signOutReason: SignOutReason | null
}

/** The React read of the session: whether there is one, the last sign-out reason, and the way out. */
export function useSession(): SessionView {
  const signedIn = useSyncExternalStore(subscribeSession, readSignedIn, readSignedIn)
  const signOutReason = useSyncExternalStore(
    subscribeSession,
    readSignOutReason,
    noReasonWhenServed,
  )
  const signOut = useRouteContext({
    from: '__root__',
    select: (context) => context.session.signOut,
  })
  return { signedIn, signOutReason, signOut }
}
