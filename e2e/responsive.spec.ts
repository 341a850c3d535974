import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'
import { expect, signIn, test, tokenRow } from './fixtures.ts'

// The all-tokens view of the demo account at the widths people use: a phone, a tablet, a laptop
// and a desktop. Nothing overlaps, the page never scrolls sideways, and what a revoke decision
// needs is on screen.

/** Shown cells whose content spills out of them, or that overlap a neighbour, in the first rows. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.getByRole('grid').evaluate((grid) => {
    const problems: string[] = []
    const rows = Array.from(grid.querySelectorAll('[role="row"][data-token-id]')).slice(0, 12)
    for (const row of rows) {
      const name = row.querySelector('[role="rowheader"]')?.textContent ?? '?'
      const cells = Array.from(row.children)
        .map((cell) => ({ cell, box: cell.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 1 && box.height > 1)
      for (const { cell } of cells) {
        if (cell.scrollWidth > cell.clientWidth + 1)
          problems.push(
            `${name}: ${cell.className} spills over (${cell.scrollWidth} > ${cell.clientWidth})`,
          )
      }
      for (const [i, a] of cells.entries()) {
        for (const b of cells.slice(i + 1)) {
          const overlap =
            a.box.left < b.box.right - 1 &&
            b.box.left < a.box.right - 1 &&
            a.box.top < b.box.bottom - 1 &&
            b.box.top < a.box.bottom - 1
          if (overlap) problems.push(`${name}: ${a.cell.className} overlaps ${b.cell.className}`)
        }
      }
    }
    return problems
  })
}

/** Opens the all-tokens view at `width` and checks what every layout promises. */
async function expectSoundLayout(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 })
  await signIn(page)
  // A to Z: "CI deploy" stays near the top however many tokens earlier tests in the worker added.
  await page.goto('/tokens?status=all&sort=name&dir=asc')
  const ci = tokenRow(page, /CI deploy/)
  await expect(ci).toBeVisible()

  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  expect(widths.scroll).toBeLessThanOrEqual(widths.client)
  expect(await layoutProblems(page)).toEqual([])

  // The decision's parts are on screen without scrolling sideways.
  const revoke = ci.getByRole('button', { name: /Revoke CI deploy/ })
  for (const part of [ci.getByRole('rowheader'), ci.getByText('Active', { exact: true }), revoke]) {
    const box = await part.boundingBox()
    expect(box).not.toBeNull()
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true)
  }

  await expectNoAxeViolations(page)
  return { ci, revoke }
}

test('at 375 px each token is a card with labelled values and a thumb-sized Revoke', async ({
  page,
}) => {
  test.slow() // an axe scan in each of two themes
  const { ci, revoke } = await expectSoundLayout(page, 375)
  await expect(page.getByRole('columnheader', { name: /Last used/ })).not.toBeInViewport()
  await expect(ci.getByText('Last used', { exact: true })).toBeVisible()
  const box = await revoke.boundingBox()
  expect(box?.width).toBeGreaterThanOrEqual(44)
  expect(box?.height).toBeGreaterThanOrEqual(44)
})

for (const width of [768, 1024, 1440]) {
  test(`at ${width} px the table shows name, status, last used, expires and Revoke in view`, async ({
    page,
  }) => {
    test.slow() // an axe scan in each of two themes
    await expectSoundLayout(page, width)
    for (const name of [/Name/, /Status/, /Last used/, /Expires/]) {
      await expect(page.getByRole('columnheader', { name })).toBeInViewport()
    }
  })
}
