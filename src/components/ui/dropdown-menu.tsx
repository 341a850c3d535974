import { useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { lazyModule, preload, useLazyModule } from '../../lib/lazy-module'
import './button.css'
import './dropdown-menu.css'

/**
 * Radix's menu (focus management, roving focus, positioning) is not part of the first render: the
 * trigger is a plain button until the menu is first opened, and the code is fetched as soon as the
 * pointer or focus reaches it.
 */
const radixMenu = lazyModule(() =>
  import('./radix-dropdown-menu').then(({ MenuWithRadix, MenuLabel, MenuSeparator, MenuItem }) => ({
    MenuWithRadix,
    MenuLabel,
    MenuSeparator,
    MenuItem,
  })),
)

/** The keys that open a Radix menu from its trigger. */
const OPEN_KEYS = new Set(['Enter', ' ', 'ArrowDown'])

interface DropdownMenuProps {
  /** The trigger's content; the trigger itself is a button. */
  trigger: ReactNode
  children: ReactNode
}

export function DropdownMenu({ trigger, children }: DropdownMenuProps) {
  const radix = useLazyModule(radixMenu)
  const [opened, setOpened] = useState<'pointer' | 'keyboard' | null>(null)
  if (opened && radix)
    return (
      <radix.MenuWithRadix trigger={trigger} openedByKeyboard={opened === 'keyboard'}>
        {children}
      </radix.MenuWithRadix>
    )

  const open = (by: 'pointer' | 'keyboard') => {
    radixMenu.load().then(
      () => setOpened(by),
      () => {}, // stays closed; the next press tries again
    )
  }
  return (
    <button
      type="button"
      className="button button--quiet menu-trigger"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      onPointerEnter={() => preload(radixMenu)}
      onFocus={() => preload(radixMenu)}
      // As Radix's trigger: a primary press opens the menu, and focus goes into it, not here.
      onPointerDown={(event: PointerEvent<HTMLButtonElement>) => {
        if (event.button !== 0 || event.ctrlKey) return
        event.preventDefault()
        open('pointer')
      }}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        if (!OPEN_KEYS.has(event.key)) return
        event.preventDefault()
        open('keyboard')
      }}
    >
      {trigger}
    </button>
  )
}

export function DropdownMenuLabel({ children }: { children: ReactNode }) {
  const radix = useLazyModule(radixMenu)
  return radix ? <radix.MenuLabel>{children}</radix.MenuLabel> : null
}

export function DropdownMenuSeparator() {
  const radix = useLazyModule(radixMenu)
  return radix ? <radix.MenuSeparator /> : null
}

export function DropdownMenuItem({
  children,
  onSelect,
}: {
  children: ReactNode
  onSelect: () => void
}) {
  const radix = useLazyModule(radixMenu)
  return radix ? <radix.MenuItem onSelect={onSelect}>{children}</radix.MenuItem> : null
}
