import { useRouteContext } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { getSessionSnapshot, subscribeSession, type SessionSnapshot } from './session-store'
import type { SessionControls } from './session-controls'

/** The React read of the session: its token and last sign-out reason, and the way out. */
export function useSession(): SessionSnapshot & Pick<SessionControls, 'signOut'> {
  const snapshot = useSyncExternalStore(subscribeSession, getSessionSnapshot)
  const signOut = useRouteContext({
    from: '__root__',
    select: (context) => context.session.signOut,
  })
  return { ...snapshot, signOut }
}
