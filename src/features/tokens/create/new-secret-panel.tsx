import { useEffect, useRef, useState } from 'react'
import { TriangleAlert } from '../../../components/warning-icon'
import { Button } from '../../../components/ui/button'

interface NewSecretPanelProps {
  secret: string
  /** Whether the secret was copied: closing without it asks first. */
  copied: boolean
  onCopied: () => void
  /**
   * Leave the panel: Done, or "Copy and close" once the copy worked (`copiedNow`, which the
   * caller's `copied` may not show yet: that state change has not rendered).
   */
  onDone: (copiedNow: boolean) => void
  /** What the buttons say when the panel leads on rather than closes (a rotation). */
  doneLabel?: string
  copyDoneLabel?: string
}

/** How long "Copied" shows on the button. */
const CONFIRMATION_MS = 2_000
/** What stays readable of a hidden secret: its prefix and public part (also in its preview). */
const SHOWN_WHILE_HIDDEN = 'ot_pat_'.length + 4

/**
 * A new token's secret, shown this once: hidden until "Show", copied with one click, and gone
 * when the panel closes (it lives only in the state of the dialog that owns this panel). While
 * hidden, the page holds only its first characters, which the preview shows anyway.
 */
export function NewSecretPanel({
  secret,
  copied,
  onCopied,
  onDone,
  doneLabel = 'Done',
  copyDoneLabel = 'Copy and close',
}: NewSecretPanelProps) {
  const [revealed, setRevealed] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [refused, setRefused] = useState(false)
  const copyButton = useRef<HTMLButtonElement>(null)

  useEffect(() => copyButton.current?.focus(), [])
  useEffect(() => {
    if (!confirming) return
    const timer = window.setTimeout(() => setConfirming(false), CONFIRMATION_MS)
    return () => window.clearTimeout(timer)
  }, [confirming])

  async function copy(): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(secret)
      setRefused(false)
      setConfirming(true)
      onCopied()
      return true
    } catch {
      setRefused(true)
      setRevealed(true) // to select and copy by hand
      return false
    }
  }

  const hidden = `${secret.slice(0, SHOWN_WHILE_HIDDEN)}${'•'.repeat(24)}`
  return (
    <div className="secret-panel">
      <div className="form-warning" role="note">
        <TriangleAlert aria-hidden="true" size={16} />
        <p>
          Copy it now and store it somewhere safe. OpenTrain never shows it again: if it is lost,
          revoke it and create another.
        </p>
      </div>
      <div className="secret-panel__value">
        <code aria-label={revealed ? 'The new token' : 'The new token, hidden'}>
          {revealed ? secret : hidden}
        </code>
        <Button variant="quiet" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide' : 'Show'}
        </Button>
        <Button ref={copyButton} variant="secondary" onClick={() => void copy()}>
          {confirming ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="visually-hidden" role="status">
        {confirming ? 'Copied to the clipboard' : ''}
      </p>
      {refused && (
        <p className="field-error" role="alert">
          The browser did not allow copying. The token is shown above: select it and copy it.
        </p>
      )}
      <div className="dialog__actions">
        <Button variant={copied ? 'primary' : 'secondary'} onClick={() => onDone(false)}>
          {doneLabel}
        </Button>
        {!copied && (
          <Button
            variant="primary"
            onClick={() => {
              void copy().then((ok) => {
                if (ok) onDone(true)
              })
            }}
          >
            {copyDoneLabel}
          </Button>
        )}
      </div>
    </div>
  )
}
