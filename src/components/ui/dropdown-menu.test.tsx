import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import {
  DropdownMenu,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
} from './dropdown-menu'

function setupMenu() {
  const onSelect = vi.fn()
  const user = userEvent.setup()
  render(
    <DropdownMenu trigger="Ada Lovelace">
      <DropdownMenuLabel>ada@example.test</DropdownMenuLabel>
      <DropdownMenuSeparator />
      <DropdownMenuItem onSelect={onSelect}>Sign out</DropdownMenuItem>
    </DropdownMenu>,
  )
  // `hidden`: an open (modal) menu hides the rest of the page from assistive technology.
  const trigger = () => screen.getByRole('button', { name: 'Ada Lovelace', hidden: true })
  return { user, onSelect, trigger }
}

describe('DropdownMenu', () => {
  it('is a closed menu button until pressed, then opens on that press and runs the chosen item', async () => {
    const { user, onSelect, trigger } = setupMenu()
    expect(trigger()).toHaveAttribute('aria-haspopup', 'menu')
    expect(trigger()).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('menu')).toBeNull()

    await user.click(trigger())
    expect(await screen.findByRole('menu')).toHaveTextContent('ada@example.test')
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }))
    expect(onSelect).toHaveBeenCalledOnce()
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
  })

  it('opens from the keyboard on its first item, and Escape gives focus back to its trigger', async () => {
    const { user, trigger } = setupMenu()
    await user.tab()
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('menu')).toBeVisible()
    expect(trigger()).toHaveAttribute('aria-expanded', 'true')
    await waitFor(() => expect(screen.getAllByRole('menuitem')[0]).toHaveFocus())

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
    expect(trigger()).toHaveFocus()
  })
})
