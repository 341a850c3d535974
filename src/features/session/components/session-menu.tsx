import { useQuery } from '@tanstack/react-query'
import { ChevronDown, LogOut } from '../../../components/icons'
import {
  DropdownMenu,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
} from '../../../components/ui/dropdown-menu'
import { meQueries } from '../api/me-queries'
import { useSession } from '../api/use-session'
import './session-menu.css'

/** Who is signed in, with which token, and the way out. Renders nothing when signed out. */
export function SessionMenu() {
  const { signedIn, signOut } = useSession()
  // Not asked again as the header mounts after a failed load: the page shows that failure with
  // its own "Try again", and a fifth request into a 429 or an outage helps nobody.
  const { data: me } = useQuery({
    ...meQueries.me(),
    enabled: signedIn,
    retryOnMount: false,
  })
  if (!signedIn) return null

  const person = me?.actor.fullName ?? me?.actor.email ?? 'Signed in'
  const tokenLabel = me?.token.label
  return (
    <DropdownMenu
      trigger={
        <>
          <span className="session-menu__who">
            <span className="session-menu__name">{person}</span>
            {tokenLabel && (
              <span className="session-menu__token">
                {' · signed in with “'}
                <bdi>{tokenLabel}</bdi>”
              </span>
            )}
          </span>
          <ChevronDown aria-hidden="true" size={14} />
        </>
      }
    >
      <DropdownMenuLabel>
        <span className="menu__person">{person}</span>
        {me?.actor.email && <span className="menu__email">{me.actor.email}</span>}
        {tokenLabel && (
          <span className="menu__token">
            Token: <bdi>{tokenLabel}</bdi>
          </span>
        )}
      </DropdownMenuLabel>
      <DropdownMenuSeparator />
      <DropdownMenuItem onSelect={() => signOut('signed-out')}>
        <LogOut aria-hidden="true" size={14} />
        Sign out
      </DropdownMenuItem>
    </DropdownMenu>
  )
}
