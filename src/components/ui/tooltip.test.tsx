import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { Tooltip, TooltipProvider } from './tooltip'

function setupTooltip(content: () => string, onFocus?: () => void) {
  const user = userEvent.setup()
  render(
    <TooltipProvider>
      <Tooltip content={content}>
        <button type="button" onFocus={onFocus}>
          3 hours ago
        </button>
      </Tooltip>
    </TooltipProvider>,
  )
  return user
}

describe('Tooltip', () => {
  it('builds function content only once the tooltip opens', async () => {
    const content = vi.fn(() => 'Exact time: 12 June 2026')
    const user = setupTooltip(content)
    expect(screen.getByRole('button', { name: '3 hours ago' })).toBeVisible()
    expect(content).not.toHaveBeenCalled()

    await user.tab() // keyboard focus opens it, as hover does
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Exact time: 12 June 2026')
    expect(content).toHaveBeenCalled()
  })

  it('keeps keyboard focus on its trigger while it opens, and closes on Escape', async () => {
    const onFocus = vi.fn()
    const user = setupTooltip(() => 'Exact time', onFocus)

    await user.tab()
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Exact time')
    expect(screen.getByRole('button', { name: '3 hours ago' })).toHaveFocus()
    expect(onFocus).toHaveBeenCalled() // the trigger's own handler still runs

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())
    expect(screen.getByRole('button', { name: '3 hours ago' })).toHaveFocus()
  })

  it('opens when the pointer rests on its trigger, and closes when it leaves', async () => {
    const user = setupTooltip(() => 'Exact time')
    await user.hover(screen.getByRole('button', { name: '3 hours ago' }))
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Exact time')

    await user.unhover(screen.getByRole('button', { name: '3 hours ago' }))
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull())
  })

  it('stays closed for the focus a tap gives after its pointerup, so the tap clicks the trigger', async () => {
    const onClick = vi.fn()
    render(
      <TooltipProvider>
        <Tooltip content={() => 'Whole name'}>
          <button type="button" onClick={onClick}>
            A name cut short
          </button>
        </Tooltip>
      </TooltipProvider>,
    )
    const button = screen.getByRole('button', { name: 'A name cut short' })
    // A touch screen's order: pointerdown, pointerup, then focus (with the compatibility
    // mousedown), then click.
    fireEvent.pointerDown(button, { pointerType: 'touch' })
    fireEvent.pointerUp(button, { pointerType: 'touch' })
    button.focus()
    await new Promise((resolve) => setTimeout(resolve, 50)) // the tooltip's code would load here
    fireEvent.click(button)
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('tooltip')).toBeNull()

    // The next keyboard focus opens it again.
    const user = userEvent.setup()
    await user.tab({ shift: true })
    await user.tab()
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Whole name')
  })
})
