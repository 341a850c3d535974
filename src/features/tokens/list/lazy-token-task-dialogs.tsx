import { lazyModule, useDeferredModule } from '../../../lib/lazy-module'
import type { BulkRevokeDialogProps } from '../bulk-revoke/bulk-revoke-dialog'
import type { CreateTokenFlowProps } from '../create/create-token-flow'
import type { RotateTokenFlowProps } from '../rotate/rotate-token-flow'
import type { TokensEmptyStateProps } from './tokens-empty-state'

/**
 * The dialogs of the token lifecycle beyond a single revoke (New token, Rotate, Revoke selected),
 * out of the first render like the revoke dialog (`useDeferredModule`): one download for the
 * three, once the browser is idle, so a click usually finds them here. The empty view rides along:
 * a signed-in account always lists its own token, so only a search or a filter empties the view.
 */
const taskCode = lazyModule(() =>
  Promise.all([
    import('../create/create-token-flow'),
    import('../rotate/rotate-token-flow'),
    import('../bulk-revoke/bulk-revoke-dialog'),
    import('./tokens-empty-state'),
  ]).then(
    ([{ CreateTokenFlow }, { RotateTokenFlow }, { BulkRevokeDialog }, { TokensEmptyState }]) => ({
      CreateTokenFlow,
      RotateTokenFlow,
      BulkRevokeDialog,
      TokensEmptyState,
    }),
  ),
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

export function LazyTokensEmptyState(props: TokensEmptyStateProps) {
  const loaded = useDeferredModule(taskCode, true, () => {})
  return loaded ? <loaded.TokensEmptyState {...props} /> : null
}
