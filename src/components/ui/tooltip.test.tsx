import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { Tooltip, TooltipProvider } from './tooltip'

describe('Tooltip', () => {
  it('builds function content only once the tooltip opens', async () => {
    const content = vi.fn(() => 'Exact time: 12 June 2026')
    const user = userEvent.setup()
    render(
      <TooltipProvider>
        <Tooltip content={content}>
          <button type="button">3 hours ago</button>
        </Tooltip>
      </TooltipProvider>,
    )
    expect(screen.getByRole('button', { name: '3 hours ago' })).toBeVisible()
    expect(content).not.toHaveBeenCalled()

    await user.tab() // keyboard focus opens it, as hover does
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Exact time: 12 June 2026')
    expect(content).toHaveBeenCalled()
  })
})
