import { useEffect, useEffectEvent } from 'react'
import { preloadToasts } from '../../../components/ui/toaster'
import { lazyModule, preload, useLazyModule } from '../../../lib/lazy-module'
import { whenIdle } from '../../../lib/when-idle'
import type { RevokeTokenDialogProps } from './revoke-token-dialog'

const dialog = lazyModule(() =>
  import('./revoke-token-dialog').then(({ RevokeTokenDialog }) => ({ RevokeTokenDialog })),
)

/**
 * The revoke dialog, without making the table wait for Radix's dialog code: once the page is on
 * screen and the browser is idle, the dialog's code and the toasts a revoke shows are fetched, so
 * the first Revoke opens the dialog at once. A Revoke pressed before that opens it when the code
 * arrives; if it cannot be fetched, the request is dropped and the next Revoke tries again.
 */
export function LazyRevokeTokenDialog(props: RevokeTokenDialogProps) {
  const loaded = useLazyModule(dialog)
  const requested = props.token !== null
  const dropRequest = useEffectEvent(() => props.onCancel())

  useEffect(
    () =>
      whenIdle(() => {
        preload(dialog)
        preloadToasts()
      }),
    [],
  )
  useEffect(() => {
    if (requested) dialog.load().catch(dropRequest)
  }, [requested])

  return loaded ? <loaded.RevokeTokenDialog {...props} /> : null
}
