import { useEffect } from 'react'
import { lazyModule, preload, useLazyModule } from '../../../lib/lazy-module'
import { whenIdle } from '../../../lib/when-idle'

const sessionMenuCode = lazyModule(() => import('./session-menu'))

/**
 * The header's session menu, fetched once the first screen is painted and the browser is idle:
 * the rows come first, and the header keeps its height, so nothing moves when the menu appears.
 */
export function LazySessionMenu() {
  const loaded = useLazyModule(sessionMenuCode)
  useEffect(() => whenIdle(() => preload(sessionMenuCode)), [])
  return loaded ? <loaded.SessionMenu /> : null
}
