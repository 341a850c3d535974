import { useEffect, useEffectEvent } from 'react'
import { lazyModule, preload, useLazyModule } from '../../../lib/lazy-module'
import { whenIdle } from '../../../lib/when-idle'
import type { TokenDetailsDrawerProps } from './token-details-drawer'

const detailsCode = lazyModule(() => import('./token-details-drawer'))

/**
 * The details drawer, kept out of the first render as the revoke dialog is: its code is fetched
 * once the browser is idle, so a click on a name opens it at once. A link that opens the page with
 * details (`?details=`) shows them when the code arrives; if it cannot be fetched, the request is
 * dropped (the URL loses `details`) and the next click tries again.
 */
export function LazyTokenDetailsDrawer(props: TokenDetailsDrawerProps) {
  const loaded = useLazyModule(detailsCode)
  const requested = props.requestedId !== ''
  const dropRequest = useEffectEvent(() => props.onClose())

  useEffect(() => whenIdle(() => preload(detailsCode)), [])
  useEffect(() => {
    if (requested) detailsCode.load().catch(dropRequest)
  }, [requested])

  return loaded ? <loaded.TokenDetailsDrawer {...props} /> : null
}
