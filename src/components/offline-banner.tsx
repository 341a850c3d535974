import { onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

const subscribe = (onChange: () => void) => onlineManager.subscribe(onChange)
const isOnline = () => onlineManager.isOnline()
/** A server render (and the render that hydrates it) says nothing: the page was just served. */
const onlineWhenServed = () => true

/**
 * Says when the browser is offline: what is on screen is what was last loaded, and it refreshes by
 * itself when the connection is back (the query client refetches on reconnect). It follows the
 * query client's own idea of online, so the banner and the pausing of requests never disagree.
 */
export function OfflineBanner() {
  const online = useSyncExternalStore(subscribe, isOnline, onlineWhenServed)
  return (
    <div role="status" className={online ? undefined : 'page-banner'}>
      {!online &&
        'You are offline. The page shows what was last loaded and refreshes when the connection is back; revoking and creating need the connection.'}
    </div>
  )
}
