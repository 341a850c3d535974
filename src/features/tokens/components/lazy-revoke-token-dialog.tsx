import { useEffect, useEffectEvent } from 'react'
import { preloadToasts } from '../../../components/ui/toaster'
import { lazyModule, preload, useLazyModule } from '../../../lib/lazy-module'
import { whenIdle } from '../../../lib/when-idle'
import type { RevokeTokenFlowProps } from './revoke-token-flow'

const dialog = lazyModule(() =>
  import('./revoke-token-flow').then(({ RevokeTokenFlow }) => ({ RevokeTokenFlow })),
)

/**
 * The revoke dialog, without making the table wait for Radix's dialog code or the revoke's
 * mutation: once the page is on screen and the browser is idle, that code and the toasts a revoke
 * shows are fetched, so the first Revoke opens the dialog at once. A Revoke pressed before that opens it when the code
 * arrives; if it cannot be fetched, the request is dropped and the next Revoke tries again.
 */
export function LazyRevokeTokenDialog(props: RevokeTokenFlowProps) {
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

  return loaded ? <loaded.RevokeTokenFlow {...props} /> : null
}
