import { DropdownMenu as RadixMenu } from 'radix-ui'
import { useRef, type ReactNode } from 'react'
import './radix-dropdown-menu.css'

interface MenuWithRadixProps {
  trigger: ReactNode
  children: ReactNode
  /** The key that mounted it opened it: focus starts on the first item, as the menu pattern says. */
  openedByKeyboard: boolean
}

/** The Radix menu behind `DropdownMenu` (./dropdown-menu.tsx), loaded once a menu is first opened. */
export function MenuWithRadix({ trigger, children, openedByKeyboard }: MenuWithRadixProps) {
  // Later openings are Radix's own, from its trigger, and it handles their keys itself.
  const firstOpening = useRef(openedByKeyboard)
  return (
    // Mounted by the press or key that opens the menu: it starts open.
    <RadixMenu.Root defaultOpen>
      <RadixMenu.Trigger className="button button--quiet menu-trigger">{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content
          className="menu"
          align="end"
          sideOffset={6}
          collisionPadding={8}
          // Radix focuses the menu itself as it opens; opened by a key, focus moves on to the
          // first item (Radix only does that for a key it saw, and this one came before it ran).
          onFocus={(event) => {
            if (!firstOpening.current || event.target !== event.currentTarget) return
            firstOpening.current = false
            event.currentTarget.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
          }}
        >
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
