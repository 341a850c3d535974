import { expect, signIn, test, tokenRow } from './fixtures.ts'

/** The budget: JavaScript and CSS sent (brotli) before the first row of /tokens is painted. */
const FIRST_RENDER_BUDGET_BYTES = 120_000

declare global {
  interface Window {
    /** Set by the init script below: when the first table row was painted. */
    firstRowPaintedAt?: number
  }
}

test('a reload of /tokens arrives rendered with its rows: the browser sends no GET of its own, and stays within the JS and CSS budget', async ({
  page,
}) => {
  await signIn(page)
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-token-id]')) return
      observer.disconnect()
      requestAnimationFrame(() => (window.firstRowPaintedAt = performance.now()))
    })
    observer.observe(document, { childList: true, subtree: true })
  })
  const apiRequests: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (request.method() === 'GET' && pathname.startsWith('/api/')) apiRequests.push(pathname)
  })

  const response = await page.reload()
  // The rows are in the HTML the serve command sent, before any script ran.
  expect(await response?.text()).toContain('data-token-id')
  await expect(tokenRow(page, /CI deploy/)).toBeVisible()
  await page.waitForFunction(() => window.firstRowPaintedAt !== undefined)
  // The page came with the list and the session's `me`: React Query took them from it.
  expect(apiRequests).toEqual([])

  const firstRender = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => 'encodedBodySize' in entry)
      .filter(({ name, startTime }) => {
        const { pathname } = new URL(name)
        const code = pathname.endsWith('.js') || pathname.endsWith('.css')
        return code && startTime < (window.firstRowPaintedAt ?? 0)
      })
      .map(({ name, encodedBodySize }) => ({ name, bytes: encodedBodySize })),
  )
  const total = firstRender.reduce((sum, { bytes }) => sum + bytes, 0)
  expect(total, JSON.stringify(firstRender, null, 1)).toBeLessThanOrEqual(FIRST_RENDER_BUDGET_BYTES)
  // Neither the dialog's nor the tooltips' code is part of it.
  expect(firstRender.map(({ name }) => name).join(' ')).not.toMatch(/radix|sonner|dialog/)
})

test('a tooltip fetched on first hover opens there, and closes when the pointer leaves', async ({
  page,
}) => {
  await signIn(page)
  const lastUsed = tokenRow(page, /CI deploy/).getByText('2 hours ago')
  await lastUsed.hover()
  await expect(page.getByRole('tooltip')).toContainText('Last used')
  await page.mouse.move(0, 0)
  await expect(page.getByRole('tooltip')).toHaveCount(0)

  // Now a Radix tooltip from the start: it opens on hover and closes on leave as Radix does.
  await lastUsed.hover()
  await lastUsed.hover({ position: { x: 2, y: 2 } })
  await expect(page.getByRole('tooltip')).toContainText('Last used')
  // In steps, as a hand moves: Radix decides on the moves after the leave (its grace area).
  await page.mouse.move(0, 0, { steps: 5 })
  await expect(page.getByRole('tooltip')).toHaveCount(0)
})
