import { lazyModule, useDeferredModule } from '../../../lib/lazy-module'
import type { CreateTokenFlowProps } from './create-token-flow'

const createCode = lazyModule(() => import('./create-token-flow'))

/** "New token"'s dialog, out of the first render like the revoke dialog (`useDeferredModule`). */
export function LazyCreateTokenFlow(props: CreateTokenFlowProps) {
  const loaded = useDeferredModule(createCode, props.open, props.onClose)
  return loaded ? <loaded.CreateTokenFlow {...props} /> : null
}
