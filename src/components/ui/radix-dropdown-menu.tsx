import { DropdownMenu as RadixMenu } from 'radix-ui'
import type { ReactNode } from 'react'
import './radix-dropdown-menu.css'

/** The Radix menu behind `DropdownMenu` (./dropdown-menu.tsx), loaded once a menu is first opened. */
export function MenuWithRadix({ trigger, children }: { trigger: ReactNode; children: ReactNode }) {
  return (
    // Mounted by the press or key that opens the menu: it starts open.
    <RadixMenu.Root defaultOpen>
      <RadixMenu.Trigger className="button button--quiet menu-trigger">{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="menu" align="end" sideOffset={6} collisionPadding={8}>
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  )
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <RadixMenu.Label className="menu__label">{children}</RadixMenu.Label>
}

export function MenuSeparator() {
  return <RadixMenu.Separator className="menu__separator" />
}

export function MenuItem({ children, onSelect }: { children: ReactNode; onSelect: () => void }) {
  return (
    <RadixMenu.Item className="menu__item" onSelect={onSelect}>
      {children}
    </RadixMenu.Item>
  )
}
