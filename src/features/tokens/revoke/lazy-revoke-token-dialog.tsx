import { useEffect } from 'react'
import { preloadToasts } from '../../../components/ui/toaster'
import { lazyModule, useDeferredModule, useLazyModule } from '../../../lib/lazy-module'
import { whenIdle } from '../../../lib/when-idle'
import type { RevokeFailureNoteProps } from './revoke-failure-note'
import type { RevokeTokenFlowProps } from './revoke-token-flow'

const revokeCode = lazyModule(() =>
  Promise.all([import('./revoke-token-flow'), import('./revoke-failure-note')]).then(
    ([{ RevokeTokenFlow }, { RevokeFailureNote }]) => ({ RevokeTokenFlow, RevokeFailureNote }),
  ),
)

/**
 * The revoke dialog, without making the table wait for Radix's dialog code or the revoke's
 * mutation: once the page is on screen and the browser is idle, that code and the toasts a revoke
 * shows are fetched, so the first Revoke opens the dialog at once. A Revoke pressed before that
 * opens it when the code arrives; if it cannot be fetched, the request is dropped and the next
 * Revoke tries again.
 */
export function LazyRevokeTokenDialog(props: RevokeTokenFlowProps) {
  const loaded = useDeferredModule(revokeCode, props.token !== null, props.onCancel)
  useEffect(() => whenIdle(preloadToasts), [])
  return loaded ? <loaded.RevokeTokenFlow {...props} /> : null
}

/** A row's failed revoke. Only a revoke that ran can fail, so its code is here by then. */
export function LazyRevokeFailureNote(props: RevokeFailureNoteProps) {
  const loaded = useLazyModule(revokeCode)
  return loaded ? <loaded.RevokeFailureNote {...props} /> : null
}
