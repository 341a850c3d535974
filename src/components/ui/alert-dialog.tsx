import { AlertDialog as RadixAlertDialog } from 'radix-ui'
import type { ComponentProps, ReactNode } from 'react'
import './button.css'
import './alert-dialog.css'

interface AlertDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  /** The one-sentence consequence; Radix links it as the dialog's description. */
  description: ReactNode
  /** The body, ending with the buttons: wrap the safe one in AlertDialogCancel (focused first). */
  children?: ReactNode
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * A confirmation of a destructive action: focus is trapped, Escape cancels, and focus starts on
 * Cancel. Every confirmation in this console is one (revoking cannot be undone), so it has one look.
 */
export function AlertDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  onCloseAutoFocus,
}: AlertDialogProps) {
  return (
    <RadixAlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixAlertDialog.Portal>
        <RadixAlertDialog.Overlay className="dialog-overlay" />
        <RadixAlertDialog.Content
          className="dialog dialog--danger"
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <RadixAlertDialog.Title className="dialog__title">{title}</RadixAlertDialog.Title>
          <RadixAlertDialog.Description className="dialog__description">
            {description}
          </RadixAlertDialog.Description>
          {children}
        </RadixAlertDialog.Content>
      </RadixAlertDialog.Portal>
    </RadixAlertDialog.Root>
  )
}

export function AlertDialogCancel(props: ComponentProps<typeof RadixAlertDialog.Cancel>) {
  return <RadixAlertDialog.Cancel className="button button--secondary" {...props} />
}
