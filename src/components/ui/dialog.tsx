import { Dialog as RadixDialog } from 'radix-ui'
import type { ReactNode } from 'react'
import './button.css'
import './dialog.css'

interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  /** A sentence under the title; Radix links it as the dialog's description. */
  description: ReactNode
  children: ReactNode
  onCloseAutoFocus?: (event: Event) => void
  onOpenAutoFocus?: (event: Event) => void
  className?: string
}

/**
 * A modal task (creating a token): focus is trapped and starts on the first field, Escape closes.
 * Confirmations of destructive actions use AlertDialog instead.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  onCloseAutoFocus,
  onOpenAutoFocus,
  className,
}: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={['dialog', className].filter(Boolean).join(' ')}
          // A click outside would lose what was typed (or a secret not yet copied): only Escape,
          // Cancel and Close end it.
          onPointerDownOutside={(event) => event.preventDefault()}
          onCloseAutoFocus={onCloseAutoFocus}
          onOpenAutoFocus={onOpenAutoFocus}
        >
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          <RadixDialog.Description className="dialog__description">
            {description}
          </RadixDialog.Description>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

/** A button that closes the dialog (Cancel): the dialog's `onOpenChange(false)` decides. */
export function DialogClose({ children, disabled }: { children: ReactNode; disabled?: boolean }) {
  return (
    <RadixDialog.Close className="button button--secondary" disabled={disabled}>
      {children}
    </RadixDialog.Close>
  )
}
