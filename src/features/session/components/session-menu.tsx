import { useQuery } from '@tanstack/react-query'
import { useRouteContext } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { Button } from '../../../components/ui/button'
import { meQueries } from '../../../lib/me-queries'
import { getSessionSnapshot, subscribeSession } from '../../../lib/session-store'

/** Who is signed in, with which token, and the way out. Renders nothing when signed out. */
export function SessionMenu() {
  const { token } = useSyncExternalStore(subscribeSession, getSessionSnapshot)
  const signOut = useRouteContext({ from: '__root__', select: (context) => context.signOut })
  const { data: me } = useQuery({ ...meQueries.me(), enabled: token !== null })
  if (token === null) return null

  const person = me?.actor.fullName ?? me?.actor.email ?? 'Signed in'
  const tokenLabel = me?.token.label
  return (
    <div className="session-menu">
      <span className="session-menu__who">
        <span className="session-menu__name">{person}</span>
        {tokenLabel && (
          <span className="session-menu__token">
            {' '}
            · signed in with “<bdi>{tokenLabel}</bdi>”
          </span>
        )}
      </span>
      <Button variant="quiet" onClick={() => signOut('signed-out')}>
        Sign out
      </Button>
    </div>
  )
}
