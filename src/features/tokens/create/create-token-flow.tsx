import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { useNow } from '../../../lib/time/use-now'
import { useCreateToken } from '../api/create-token-mutation'
import { tokenQueries } from '../api/token-queries'
import type { Token } from '../api/token-schema'
import { describeCreateError } from './describe-create-error'
import { EMPTY_NEW_TOKEN, hasChanges } from './new-token-draft'
import { sameNameAs } from './same-name'
import { CreateTokenForm } from './create-token-form'
import { NewSecretPanel } from './new-secret-panel'
import { useFocusReturn } from '../common/use-focus-return'
import './create-token-flow.css'

export interface CreateTokenFlowProps {
  open: boolean
  /** The scopes of the token this console is signed in with: all a new token may get (§3.2). */
  heldScopes: readonly string[]
  onClose: () => void
  /** The server created `token`: the page shows it at once. */
  onCreated: (token: Token) => void
}

type Step = 'form' | 'confirm-discard' | 'secret' | 'confirm-close'

/**
 * "New token": the form, then the secret, shown once. The secret is held in this component's
 * state alone and dropped when the dialog closes; closing before copying it asks first, and so
 * does closing (Escape or Cancel) a form with something typed or chosen in it.
 */
export function CreateTokenFlow({ open, heldScopes, onClose, onCreated }: CreateTokenFlowProps) {
  const [secret, setSecret] = useState<string | null>(null)
  const [created, setCreated] = useState<Token | null>(null)
  const [copied, setCopied] = useState(false)
  const [step, setStep] = useState<Step>('form')
  const [form, setForm] = useState(EMPTY_NEW_TOKEN)
  // A fresh form each time the dialog opens.
  const [formKey, setFormKey] = useState(0)
  const tokens = useQuery(tokenQueries.list()).data
  const now = useNow()
  const create = useCreateToken({ onSecret: setSecret })
  const restoreFocus = useFocusReturn(open)
  // The new token's row, first in the list, takes focus when the dialog closes.
  const createdId = useRef<string | null>(null)
  // Where focus was when closing asked to discard the form: "Keep editing" puts it back.
  const focusBeforeAsking = useRef<HTMLElement | null>(null)

  function finish() {
    setSecret(null)
    setCreated(null)
    setCopied(false)
    setStep('form')
    setForm(EMPTY_NEW_TOKEN)
    setFormKey((key) => key + 1)
    create.reset()
    onClose()
  }

  /**
   * Escape, Cancel, Close or Done: straight away, unless a secret would be lost uncopied or a
   * filled-in form discarded. Escape on either question is the way back, never the loss.
   */
  function requestClose() {
    // While the request runs, closing would hide a secret that is about to arrive.
    if (create.isPending || step === 'confirm-close') return
    if (step === 'confirm-discard') return keepEditing()
    if (secret !== null && !copied) setStep('confirm-close')
    else if (step === 'form' && hasChanges(form)) {
      focusBeforeAsking.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null
      setStep('confirm-discard')
    } else finish()
  }

  function keepEditing() {
    // The form is shown again first: a hidden element cannot take focus.
    flushSync(() => setStep('form'))
    focusBeforeAsking.current?.focus()
  }

  const title =
    step === 'form'
      ? 'New personal API token'
      : step === 'confirm-discard'
        ? 'Discard this new token?'
        : step === 'secret'
          ? 'Copy your new token'
          : 'Close without copying the token?'
  const description =
    step === 'form' ? (
      'It can do what its scopes allow until it expires or is revoked.'
    ) : step === 'confirm-discard' ? (
      'Discarding loses the name, scopes and expiry chosen here.'
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
      {(step === 'form' || step === 'confirm-discard') && (
        // Hidden, not unmounted, while the question is asked: every choice and error stays.
        <div hidden={step === 'confirm-discard'}>
          <CreateTokenForm
            key={formKey}
            form={form}
            onFormChange={setForm}
            heldScopes={heldScopes}
            sameName={tokens ? sameNameAs(form.name, tokens, now) : null}
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
        </div>
      )}
      {step === 'confirm-discard' && (
        <ConfirmLoss back="Keep editing" lose="Discard" onBack={keepEditing} onLose={finish} />
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
        <ConfirmLoss
          back="Go back to the token"
          lose="Close without copying"
          onBack={() => setStep('secret')}
          onLose={finish}
        />
      )}
    </Dialog>
  )
}

/**
 * Closing would lose the uncopied secret or the filled-in form: focus starts on the way back,
 * the safe choice.
 */
function ConfirmLoss(props: {
  back: string
  lose: string
  onBack: () => void
  onLose: () => void
}) {
  const back = useRef<HTMLButtonElement>(null)
  useEffect(() => back.current?.focus(), [])
  return (
    <div className="dialog__actions">
      <Button ref={back} variant="primary" onClick={props.onBack}>
        {props.back}
      </Button>
      <Button variant="danger" onClick={props.onLose}>
        {props.lose}
      </Button>
    </div>
  )
}
