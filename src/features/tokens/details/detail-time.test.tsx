import { render, screen } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { DetailTime as DetailTimeView } from './detail-time'

const AT = '2026-03-10T17:04:05.000Z'

// This file's own zone, with modules imported afresh: formatters cached by an earlier file in the
// same worker (the integration project shares modules between files) were built for another zone.
let DetailTime: typeof DetailTimeView
beforeAll(async () => {
  vi.stubEnv('TZ', 'America/New_York')
  vi.resetModules()
  ;({ DetailTime } = await import('./detail-time'))
})
afterAll(() => {
  vi.unstubAllEnvs()
})

describe('DetailTime', () => {
  it('spells out the moment in the browser’s zone and in UTC, under the relative time', () => {
    render(<DetailTime value={AT} />)
    expect(screen.getByText(/ago$/)).toHaveAttribute('datetime', AT)
    expect(screen.getByText(/^Mar 10, 2026, 0?1:04:05\sPM EDT$/)).toBeVisible()
    expect(screen.getByText(/^Mar 10, 2026, 0?5:04:05\sPM UTC$/)).toBeVisible()
  })

  it('says it once when the browser’s zone is UTC', async () => {
    vi.stubEnv('TZ', 'UTC')
    try {
      // A fresh copy of the modules: the formatters above were built for New York.
      vi.resetModules()
      const { DetailTime: InUtc } = await import('./detail-time')
      render(<InUtc value={AT} />)
      expect(screen.getByText(/^Mar 10, 2026, 0?5:04:05\sPM UTC, your time zone$/)).toBeVisible()
      expect(screen.getAllByText(/UTC/)).toHaveLength(1)
    } finally {
      vi.stubEnv('TZ', 'America/New_York')
    }
  })

  it('shows a value it cannot read as written', () => {
    render(<DetailTime value="sometime" />)
    expect(screen.getByText('sometime')).toBeVisible()
  })
})
