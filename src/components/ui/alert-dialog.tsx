import { AlertDialog as RadixAlertDialog } from 'radix-ui'
import type { ComponentProps, ReactNode, RefObject } from 'react'
import './button.css'
import './dialog.css'

interface AlertDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  /** The one-sentence consequence; Radix links it as the dialog's description. */
  description: ReactNode
  /** The body, ending with the buttons: wrap the safe one in AlertDialogCancel (focused first). */
  children?: ReactNode
  onCloseAutoFocus?: (event: Event) => void
  /**
   * Where focus starts instead of Cancel, when that element is there: a field the person is asked
   * to type into (typing at once must not press Cancel with the first space).
   */
  initialFocus?: RefObject<HTMLElement | null>
}

/**
 * A confirmation of a destructive action: focus is trapped, Escape cancels, and focus starts on
 * Cancel (or on `initialFocus`, a field to type into). Every confirmation in this console is one (revoking cannot be undone), so it has one look.
 */
export function AlertDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  onCloseAutoFocus,
  initialFocus,
}: AlertDialogProps) {
  return (
    <RadixAlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixAlertDialog.Portal>
        <RadixAlertDialog.Overlay className="dialog-overlay" />
        <RadixAlertDialog.Content
          className="dialog dialog--danger"
          onCloseAutoFocus={onCloseAutoFocus}
          onOpenAutoFocus={(event) => {
            const field = initialFocus?.current
            if (!field) return // Radix then focuses Cancel
            event.preventDefault()
            field.focus()
          }}
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
