import { lazyModule, useDeferredModule } from '../../../lib/lazy-module'
import type { TokenDetailsDrawerProps } from './token-details-drawer'

const detailsCode = lazyModule(() => import('./token-details-drawer'))

/**
 * The details drawer, kept out of the first render as the revoke dialog is (`useDeferredModule`):
 * a click on a name usually finds its code here. A link that opens the page with details
 * (`?details=`) shows them when the code arrives; if it cannot be fetched, the URL loses `details`.
 */
export function LazyTokenDetailsDrawer(props: TokenDetailsDrawerProps) {
  const loaded = useDeferredModule(detailsCode, props.requestedId !== '', props.onClose)
  return loaded ? <loaded.TokenDetailsDrawer {...props} /> : null
}
