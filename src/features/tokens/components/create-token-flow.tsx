import { useEffect, useRef, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { useCreateToken } from '../api/create-token-mutation'
import type { Token } from '../api/token-schema'
import { describeCreateError } from '../lib/describe-create-error'
import { CreateTokenForm } from './create-token-form'
import { NewSecretPanel } from './new-secret-panel'
import { useFocusReturn } from './use-focus-return'
import './create-token-flow.css'

export interface CreateTokenFlowProps {
  open: boolean
  /** The scopes of the token this console is signed in with: all a new token may get (§3.2). */
  heldScopes: readonly string[]
  onClose: () => void
  /** The server created `token`: the page shows it at once. */
  onCreated: (token: Token) => void
}

type Step = 'form' | 'secret' | 'confirm-close'

/**
 * "New token": the form, then the secret, shown once. The secret is held in this component's
 * state alone and dropped when the dialog closes; closing before copying it asks first.
 */
export function CreateTokenFlow({ open, heldScopes, onClose, onCreated }: CreateTokenFlowProps) {
  const [secret, setSecret] = useState<string | null>(null)
  const [created, setCreated] = useState<Token | null>(null)
  const [copied, setCopied] = useState(false)
  const [step, setStep] = useState<Step>('form')
  // A fresh form each time the dialog opens.
  const [formKey, setFormKey] = useState(0)
  const create = useCreateToken({ onSecret: setSecret })
  const restoreFocus = useFocusReturn(open)
  // The new token's row, first in the list, takes focus when the dialog closes.
  const createdId = useRef<string | null>(null)

  function finish() {
    setSecret(null)
    setCreated(null)
    setCopied(false)
    setStep('form')
    setFormKey((key) => key + 1)
    create.reset()
    onClose()
  }

  /** Escape, Close or Done: straight away, unless a secret would be lost uncopied. */
  function requestClose() {
    // While the request runs, closing would hide a secret that is about to arrive.
    if (create.isPending) return
    if (secret !== null && !copied) setStep('confirm-close')
    else finish()
  }

  const title =
    step === 'form'
      ? 'New personal API token'
      : step === 'secret'
        ? 'Copy your new token'
        : 'Close without copying the token?'
  const description =
    step === 'form' ? (
      'It can do what its scopes allow until it expires or is revoked.'
    ) : step === 'secret' ? (
      <>
        “<bdi>{created?.name}</bdi>” is created and already works.
      </>
    ) : (
      'OpenTrain will not show it again. Without it, the new token is of no use: you would have to revoke it and create another.'
    )

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) requestClose()
      }}
      title={title}
      description={description}
      onCloseAutoFocus={(event) => {
        restoreFocus(event, { tokenId: createdId.current, before: 'token' })
        createdId.current = null
      }}
      className="dialog--wide"
    >
      {step === 'form' && (
        <CreateTokenForm
          key={formKey}
          heldScopes={heldScopes}
          pending={create.isPending}
          serverError={create.error ? describeCreateError(create.error) : null}
          onSubmit={(request) =>
            create.mutate(request, {
              onSuccess: (token) => {
                setCreated(token)
                createdId.current = token.id
                setStep('secret')
                onCreated(token)
              },
            })
          }
        />
      )}
      {step === 'secret' && secret !== null && (
        <NewSecretPanel
          secret={secret}
          copied={copied}
          onCopied={() => setCopied(true)}
          onDone={(copiedNow) => (copiedNow ? finish() : requestClose())}
        />
      )}
      {step === 'confirm-close' && (
        <ConfirmClose onBack={() => setStep('secret')} onClose={finish} />
      )}
    </Dialog>
  )
}

/** Closing with the secret uncopied: focus starts on the way back, the safe choice. */
function ConfirmClose({ onBack, onClose }: { onBack: () => void; onClose: () => void }) {
  const back = useRef<HTMLButtonElement>(null)
  useEffect(() => back.current?.focus(), [])
  return (
    <div className="dialog__actions">
      <Button ref={back} variant="primary" onClick={onBack}>
        Go back to the token
      </Button>
      <Button variant="danger" onClick={onClose}>
        Close without copying
      </Button>
    </div>
  )
}
