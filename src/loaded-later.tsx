import { useEffect } from 'react'
import { preloadToasts } from './components/ui/toaster'
import { lazyModule, preload, useDeferredModule, useLazyModule } from './lib/lazy-module'
import { whenIdle } from './lib/when-idle'
import type { BulkRevokeDialogProps } from './features/tokens/bulk-revoke/bulk-revoke-dialog'
import type { CreateTokenFlowProps } from './features/tokens/create/create-token-flow'
import type { TokenDetailsDrawerProps } from './features/tokens/details/token-details-drawer'
import type { TokensEmptyStateProps } from './features/tokens/list/tokens-empty-state'
import type { RevokeFailureNoteProps } from './features/tokens/revoke/revoke-failure-note'
import type { RevokeTokenDialogProps } from './features/tokens/revoke/revoke-token-dialog'
import type { RotateTokenFlowProps } from './features/tokens/rotate/rotate-token-flow'

/*
 * Everything the first render leaves out, fetched once the browser is idle (or at once when asked
 * for first); a failed fetch drops the request and the next one retries. Radix's menus and
 * tooltips and sonner's toasts load in their own wrappers in components/ui.
 */

/** The revoke's dialog, the note a failure leaves, and the mutation: a confirm marks the row at once. */
const revokeCode = lazyModule(() =>
  Promise.all([
    import('./features/tokens/revoke/revoke-token-dialog'),
    import('./features/tokens/revoke/revoke-failure-note'),
    import('./features/tokens/api/revoke-token-mutation'),
  ]).then(([{ RevokeTokenDialog }, { RevokeFailureNote }]) => ({
    RevokeTokenDialog,
    RevokeFailureNote,
  })),
)

/**
 * New token, Rotate and Revoke selected, in one download. The empty view rides along: a signed-in
 * account always lists its own token, so only a search or a filter empties the view.
 */
const taskCode = lazyModule(() =>
  Promise.all([
    import('./features/tokens/create/create-token-flow'),
    import('./features/tokens/rotate/rotate-token-flow'),
    import('./features/tokens/bulk-revoke/bulk-revoke-dialog'),
    import('./features/tokens/list/tokens-empty-state'),
  ]).then(
    ([{ CreateTokenFlow }, { RotateTokenFlow }, { BulkRevokeDialog }, { TokensEmptyState }]) => ({
      CreateTokenFlow,
      RotateTokenFlow,
      BulkRevokeDialog,
      TokensEmptyState,
    }),
  ),
)

/** A link with `?details=` shows them when the code arrives; if it cannot, the URL loses them. */
const detailsCode = lazyModule(() => import('./features/tokens/details/token-details-drawer'))

/** The header's session menu: the header keeps its height, so nothing moves when it appears. */
const sessionMenuCode = lazyModule(() => import('./features/session/components/session-menu'))

/**
 * A page the serve command rendered shows its Revoke buttons before the app runs: the dialog's
 * code is fetched as the app starts (main.tsx), so the first click finds it, not on idle.
 */
export function preloadRevokeDialog(): void {
  preload(revokeCode)
}

export function LazyRevokeTokenDialog(props: RevokeTokenDialogProps) {
  const loaded = useDeferredModule(revokeCode, props.token !== null, props.onCancel)
  useEffect(() => whenIdle(preloadToasts), [])
  return loaded ? <loaded.RevokeTokenDialog {...props} /> : null
}

/** Only a revoke that ran can fail, so its code is here by then. */
export function LazyRevokeFailureNote(props: RevokeFailureNoteProps) {
  const loaded = useLazyModule(revokeCode)
  return loaded ? <loaded.RevokeFailureNote {...props} /> : null
}

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

export function LazyTokenDetailsDrawer(props: TokenDetailsDrawerProps) {
  const loaded = useDeferredModule(detailsCode, props.requestedId !== '', props.onClose)
  return loaded ? <loaded.TokenDetailsDrawer {...props} /> : null
}

export function LazySessionMenu() {
  const loaded = useDeferredModule(sessionMenuCode, false, () => {})
  return loaded ? <loaded.SessionMenu /> : null
}
