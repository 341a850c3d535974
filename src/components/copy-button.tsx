import { useEffect, useState } from 'react'
import { Button } from './ui/button'

/** How long "Copied" shows before the button reads "Copy" again. */
const CONFIRMATION_MS = 2_000

interface CopyButtonProps {
  value: string
  /** The button's accessible name, saying what is copied ("Copy the request ID"). */
  label: string
  tabIndex?: number
}

/**
 * Copies `value` to the clipboard and says so ("Copied", also to screen readers). Where the
 * clipboard is refused, it says that instead: the value stays on screen to select by hand.
 */
export function CopyButton({ value, label, tabIndex }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'refused'>('idle')
  useEffect(() => {
    if (outcome === 'idle') return
    const timer = window.setTimeout(() => setOutcome('idle'), CONFIRMATION_MS)
    return () => window.clearTimeout(timer)
  }, [outcome])

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setOutcome('copied')
    } catch {
      setOutcome('refused')
    }
  }

  return (
    <>
      <Button
        variant="quiet"
        className="copy-button"
        aria-label={label}
        tabIndex={tabIndex}
        onClick={() => void copy()}
      >
        {outcome === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span className="visually-hidden" role="status">
        {outcome === 'copied'
          ? 'Copied'
          : outcome === 'refused'
            ? 'Could not copy: select the text and copy it'
            : ''}
      </span>
    </>
  )
}
