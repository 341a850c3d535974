import { DropdownMenu as RadixMenu } from 'radix-ui'
import type { ReactNode } from 'react'
import './button.css'
import './dropdown-menu.css'

interface DropdownMenuProps {
  /** The trigger's content; the trigger itself is a button. */
  trigger: ReactNode
  children: ReactNode
}

export function DropdownMenu({ trigger, children }: DropdownMenuProps) {
  return (
    <RadixMenu.Root>
      <RadixMenu.Trigger className="button button--quiet menu-trigger">{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="menu" align="end" sideOffset={6} collisionPadding={8}>
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  )
}

export function DropdownMenuLabel({ children }: { children: ReactNode }) {
  return <RadixMenu.Label className="menu__label">{children}</RadixMenu.Label>
}

export function DropdownMenuSeparator() {
  return <RadixMenu.Separator className="menu__separator" />
}

export function DropdownMenuItem({
  children,
  onSelect,
}: {
  children: ReactNode
  onSelect: () => void
}) {
  return (
    <RadixMenu.Item className="menu__item" onSelect={onSelect}>
      {children}
    </RadixMenu.Item>
  )
}
