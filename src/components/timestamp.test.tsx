import { render, screen } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Timestamp } from './timestamp'
import { TooltipProvider } from './ui/tooltip'

const AT = '2026-03-10T17:04:05.000Z'

/** Focuses the time and gives the tooltip's text (its formatters read the zone at first use). */
async function tooltipText(): Promise<string> {
  // A fresh copy of the modules: formatters cached for one zone are not reused in another.
  vi.resetModules()
  const [{ Timestamp: Fresh }, { TooltipProvider: FreshProvider }] = await Promise.all([
    import('./timestamp'),
    import('./ui/tooltip'),
  ])
  render(
    <FreshProvider>
      <Fresh value={AT} label="Last used" />
    </FreshProvider>,
  )
  screen.getByText(/ago$/).focus()
  return (await screen.findByRole('tooltip')).textContent
}

beforeAll(() => {
  vi.stubEnv('TZ', 'America/New_York')
})
afterAll(() => {
  vi.unstubAllEnvs()
})

describe('Timestamp', () => {
  it('shows the exact time in the browser’s zone and in UTC on focus', async () => {
    const text = await tooltipText()
    expect(text).toMatch(/Last usedMar 10, 2026, 0?1:04:05\sPM EDT/)
    expect(text).toMatch(/UTCMar 10, 2026, 0?5:04:05\sPM UTC/)
  })

  it('shows the time once, labelled UTC, when the browser’s zone is UTC', async () => {
    vi.stubEnv('TZ', 'UTC')
    try {
      const text = await tooltipText()
      expect(text).toMatch(/^Last usedMar 10, 2026, 0?5:04:05\sPM UTC$/)
      expect(text.match(/5:04:05/g)).toHaveLength(1)
    } finally {
      vi.stubEnv('TZ', 'America/New_York')
    }
  })

  it('shows a value it cannot read as written', () => {
    render(
      <TooltipProvider>
        <Timestamp value="sometime" label="Last used" />
      </TooltipProvider>,
    )
    expect(screen.getByText('sometime')).toBeVisible()
  })
})
