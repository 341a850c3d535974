import { lazyModule, useDeferredModule } from '../../../lib/lazy-module'
import type { BulkRevokeDialogProps } from './bulk-revoke-dialog'
import type { CreateTokenFlowProps } from './create-token-flow'
import type { RotateTokenFlowProps } from './rotate-token-flow'

/**
 * The dialogs of the token lifecycle beyond a single revoke (New token, Rotate, Revoke selected),
 * out of the first render like the revoke dialog (`useDeferredModule`): one download for the
 * three, once the browser is idle, so a click usually finds them here.
 */
const taskCode = lazyModule(() =>
  Promise.all([
    import('./create-token-flow'),
    import('./rotate-token-flow'),
    import('./bulk-revoke-dialog'),
  ]).then(([{ CreateTokenFlow }, { RotateTokenFlow }, { BulkRevokeDialog }]) => ({
    CreateTokenFlow,
    RotateTokenFlow,
    BulkRevokeDialog,
  })),
)

export function LazyCreateTokenFlow(props: CreateTokenFlowProps) {
  const loaded = useDeferredModule(taskCode, props.open, props.onClose)
  return loaded ? <loaded.CreateTokenFlow {...props} /> : null
}

export function LazyRotateTokenFlow(props: RotateTokenFlowProps) {
  const loaded = useDeferredModule(taskCode, props.open, props.onClose)
  return loaded ? <loaded.RotateTokenFlow {...props} /> : null
}

export function LazyBulkRevokeDialog(props: BulkRevokeDialogProps) {
  const loaded = useDeferredModule(taskCode, props.open, props.onClose)
  return loaded ? <loaded.BulkRevokeDialog {...props} /> : null
}
