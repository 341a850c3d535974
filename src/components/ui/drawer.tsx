import { Dialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { X } from '../close-icon'
import './button.css'
import './drawer.css'

interface DrawerProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** A short word over the title saying what kind of thing this is ("Token details"). */
  eyebrow: string
  title: ReactNode
  /** A line under the title (badges, a summary); Radix links it as the description. */
  description: ReactNode
  /** The actions on what the drawer shows, under the title: always in view. */
  actions?: ReactNode
  children: ReactNode
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * A side sheet over the page, for the details of one thing: modal (focus is trapped, Escape and
 * the Close button close it, the page behind is inert), full width on phones. Focus starts on
 * Close; where it goes back to is the caller's (`onCloseAutoFocus`).
 */
export function Drawer({
  open,
  onOpenChange,
  eyebrow,
  title,
  description,
  actions,
  children,
  onCloseAutoFocus,
}: DrawerProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="drawer-overlay" />
        <Dialog.Content className="drawer" onCloseAutoFocus={onCloseAutoFocus}>
          <header className="drawer__header">
            <div className="drawer__top">
              <p className="drawer__eyebrow">{eyebrow}</p>
              <Dialog.Close
                className="button button--quiet drawer__close"
                aria-label={`Close ${eyebrow.toLowerCase()}`}
              >
                <X aria-hidden="true" size={18} />
              </Dialog.Close>
            </div>
            <Dialog.Title className="drawer__title">{title}</Dialog.Title>
            <Dialog.Description asChild>
              <div className="drawer__description">{description}</div>
            </Dialog.Description>
            {actions && <div className="drawer__actions">{actions}</div>}
          </header>
          <div className="drawer__body">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
