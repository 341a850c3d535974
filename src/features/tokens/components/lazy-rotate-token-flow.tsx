import { lazyModule, useDeferredModule } from '../../../lib/lazy-module'
import type { RotateTokenFlowProps } from './rotate-token-flow'

const rotateCode = lazyModule(() => import('./rotate-token-flow'))

/** Rotate's dialog, out of the first render like the revoke dialog (`useDeferredModule`). */
export function LazyRotateTokenFlow(props: RotateTokenFlowProps) {
  const loaded = useDeferredModule(rotateCode, props.open, props.onClose)
  return loaded ? <loaded.RotateTokenFlow {...props} /> : null
}
