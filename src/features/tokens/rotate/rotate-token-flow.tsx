import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { Dialog } from '../../../components/ui/dialog'
import { isApiError } from '../../../lib/http/api-error'
import { useNowSelect } from '../../../lib/time/use-now'
import { meQueries } from '../../session/api/me-queries'
import { switchSessionToken } from '../../session/api/switch-session'
import { useCreateToken } from '../api/create-token-mutation'
import { tokenQueries } from '../api/token-queries'
import type { Token } from '../api/token-schema'
import type { ExpiryChoice } from '../create/new-token-form'
import {
  INITIAL_ROTATION,
  keptExpiry,
  replacementRequest,
  rotationReducer,
  runRotationStage,
  type RotationEvent,
  type RotationStage,
  type RotationState,
} from './rotation'
import { summarizeTokens } from '../common/token-summary'
import { ACTIVE_TOKEN_CAP } from '../common/token-state'
import { RotationBody } from './rotation-body'
import { useFocusReturn } from '../common/use-focus-return'
import { useRevokeToken } from '../revoke/use-revoke'
import '../create/create-token-flow.css'
import './rotate-token-flow.css'

export interface RotateTokenFlowProps {
  open: boolean
  /** The token to rotate; kept by the page while the dialog closes. */
  token: Token | null
  /** It is the token this console is signed in with: the guided flow switches the session. */
  isSessionToken: boolean
  /** The scopes of the session's token: all a new token may get (§3.2). */
  heldScopes: readonly string[]
  onClose: () => void
  /** The replacement exists: the page shows it at once. */
  onCreated: (token: Token) => void
  /** A plain rotation's last step: the usual revoke dialog, for the old token, once this closes. */
  onRevokeOld: (token: Token) => void
}

/**
 * Rotate: a replacement with the same scopes and, unless another is chosen, the same lifetime, its
 * secret shown once, then the old token revoked (rotation.ts has the steps and their order).
 * The secret is held in this component's state alone and dropped when the dialog closes.
 */
export function RotateTokenFlow({
  open,
  token,
  isSessionToken,
  heldScopes,
  onClose,
  onCreated,
  onRevokeOld,
}: RotateTokenFlowProps) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<RotationState>(INITIAL_ROTATION)
  const [secret, setSecret] = useState<string | null>(null)
  const [replacement, setReplacement] = useState<Token | null>(null)
  const [copied, setCopied] = useState(false)
  // The expiry picked for this token's replacement; until then, the old token's lifetime.
  const [picked, setPicked] = useState<{ tokenId: string; expiry: ExpiryChoice } | null>(null)
  const expiry: ExpiryChoice =
    picked && picked.tokenId === token?.id
      ? picked.expiry
      : token
        ? keptExpiry(token)
        : { kind: 'never' }
  // Leaving the secret uncopied asks first: to close, or to go on to the next step.
  const [confirming, setConfirming] = useState<'close' | 'continue' | null>(null)
  const create = useCreateToken({ onSecret: setSecret })
  const revokeToken = useRevokeToken()

  // The page's list, as cached (never fetched from here), counted while the dialog is open: at the
  // cap (D5) the replacement would be refused, so the dialog says so and sends nothing.
  const tokens = useQuery({ ...tokenQueries.list(), enabled: false }).data
  const atCap = useNowSelect(
    (now) => open && summarizeTokens(tokens ?? [], now).active >= ACTIVE_TOKEN_CAP,
  )

  const restoreFocus = useFocusReturn(open)
  // A plain rotation's last step: the revoke dialog, once focus is back on the page.
  const afterClose = useRef<(() => void) | null>(null)

  const dispatch = (event: RotationEvent) =>
    setState((current) => rotationReducer(current, event, isSessionToken))

  function run(stage: RotationStage) {
    if (!token) return
    void runRotationStage(
      stage,
      state,
      isSessionToken,
      {
        create: async () => {
          const made = await create.mutateAsync(replacementRequest(token, expiry, Date.now()))
          setReplacement(made)
          onCreated(made)
        },
        switchSession: async () => {
          if (secret === null || replacement === null)
            throw new Error('No replacement to switch to.')
          await switchSessionToken(queryClient, secret, replacement.id)
        },
        revokeOld: async () => {
          // Never the token the console still uses: the switch must have happened.
          if (queryClient.getQueryData(meQueries.me().queryKey)?.token.id === token.id) {
            throw new Error('This console still uses the old token.')
          }
          try {
            await revokeToken(token.id)
          } catch (error) {
            // Already revoked or gone (D3, D4): what this step was for.
            if (!(isApiError(error) && error.status === 404)) throw error
          }
        },
      },
      dispatch,
    )
  }

  function finish(revokeOld = false) {
    setState(INITIAL_ROTATION)
    setSecret(null)
    setReplacement(null)
    setCopied(false)
    setPicked(null)
    setConfirming(null)
    create.reset()
    afterClose.current = revokeOld && token ? () => onRevokeOld(token) : null
    onClose()
  }

  /** Escape or Close: at once, unless a request runs or a secret would be lost uncopied. */
  function requestClose() {
    if (state.step === 'running') return
    if (state.step === 'secret' && !copied) setConfirming('close')
    else finish()
  }

  /** On from the secret: the switch (the session's rotation) or the offer to revoke. */
  function leaveSecret(copiedNow: boolean) {
    if (!copied && !copiedNow) {
      setConfirming('continue')
      return
    }
    goOn()
  }

  function goOn() {
    setConfirming(null)
    if (isSessionToken) run('switch')
    else dispatch({ type: 'secret-saved' })
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) requestClose()
      }}
      title={
        token ? (
          <>
            Rotate “<bdi>{token.name}</bdi>”
          </>
        ) : (
          'Rotate'
        )
      }
      description={
        isSessionToken
          ? 'This console is signed in with this token. You stay signed in: the console switches to the replacement before the old token is revoked.'
          : 'A new token replaces it, with the same scopes. Both work until you revoke the old one.'
      }
      // Back to the Rotate pressed, or near the token when that is gone (a finished session
      // rotation revoked it); the revoke dialog's own focus return then starts from there.
      onCloseAutoFocus={(event) => {
        restoreFocus(event, { tokenId: token?.id ?? null, before: 'opener' })
        afterClose.current?.()
        afterClose.current = null
      }}
      className="dialog--wide"
    >
      {token && (
        <RotationBody
          token={token}
          isSessionToken={isSessionToken}
          state={state}
          heldScopes={heldScopes}
          expiry={expiry}
          onExpiry={(choice) => setPicked({ tokenId: token.id, expiry: choice })}
          atCap={atCap}
          secret={secret}
          replacement={replacement}
          copied={copied}
          confirming={confirming}
          onRun={run}
          onCopied={() => setCopied(true)}
          onLeaveSecret={leaveSecret}
          onStayOnSecret={() => setConfirming(null)}
          onLeaveUncopied={() => (confirming === 'close' ? finish() : goOn())}
          onClose={() => finish()}
          onRevokeOld={() => finish(true)}
        />
      )}
    </Dialog>
  )
}
