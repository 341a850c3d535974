import { expect, signIn, test } from './fixtures.ts'

// An account whose automation rotated tokens for years: 2,000 generated tokens, most of them
// revoked or expired. Only the rows in view are in the DOM, and the keyboard reaches all of them.
const TOKENS = 2_000
test.use({ seed: TOKENS })

test('2,000 tokens: rows drawn only in view, a header that stays, the keyboard reaching the last row', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await signIn(page)
  await page.goto('/tokens?status=all')
  const grid = page.getByRole('grid')
  await expect(grid.locator('[data-token-id]').first()).toBeVisible()

  // The grid tells assistive tech the full size; the DOM holds a screenful.
  const rowCount = Number(await grid.getAttribute('aria-rowcount'))
  expect(rowCount).toBeGreaterThan(TOKENS) // every token plus the header row
  expect(await grid.locator('[role="row"]').count()).toBeLessThan(60)

  // Ctrl+End goes to the last row, scrolled into view and drawn; the header stayed in view.
  const focusedRow = () =>
    page.evaluate(
      () => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? null,
    )
  await grid.locator('[aria-rowindex="2"] [role="rowheader"] button').focus()
  await page.keyboard.press('Control+End')
  await expect.poll(focusedRow).toBe(String(rowCount))
  await expect(grid.locator(`[aria-rowindex="${rowCount}"]`)).toBeInViewport()
  await expect(page.getByRole('columnheader', { name: /Last used/ })).toBeInViewport()
  expect(await grid.locator('[role="row"]').count()).toBeLessThan(60)

  // Shift+Tab leaves the grid and Tab comes back to the same cell: one tab stop.
  await page.keyboard.press('Shift+Tab')
  expect(await focusedRow()).toBeNull()
  await page.keyboard.press('Tab')
  expect(await focusedRow()).toBe(String(rowCount))

  // Ctrl+Home back to the top row's first cell, the select-all box; the arrows move between cells.
  await page.keyboard.press('Control+Home')
  await expect(
    grid.getByRole('checkbox', { name: /^Select all \d+ tokens in view$/ }),
  ).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowRight')
  await expect(grid.locator('[aria-rowindex="2"] [role="rowheader"] button')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(grid.locator('[aria-rowindex="2"] .cell--preview')).toBeFocused()
})

test('2,000 tokens: search, sort and filter change the rows without losing the grid', async ({
  page,
}) => {
  await signIn(page)
  await page.goto('/tokens?status=all')
  const grid = page.getByRole('grid')
  await expect(grid.locator('[data-token-id]').first()).toBeVisible()

  await page.getByRole('button', { name: 'Name', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  const names = await grid.getByRole('rowheader').allInnerTexts()
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
  const sorted = [...names].sort(collator.compare)
  expect(names.slice(0, 5)).toEqual(sorted.slice(0, 5))

  await page.getByLabel('Status').selectOption('revoked')
  await expect(
    grid.locator('[data-token-id]').first().getByText('Revoked', { exact: true }),
  ).toBeVisible()
  const revokedCount = Number(await grid.getAttribute('aria-rowcount')) - 1
  expect(revokedCount).toBeGreaterThan(0)
  expect(revokedCount).toBeLessThan(TOKENS)
  await expect(page.getByText(`Showing ${revokedCount} of`)).toBeVisible()
})

test("2,000 tokens: from the search field, a few keys reach the second row's Revoke", async ({
  page,
}) => {
  await signIn(page) // the default view: tokens that still work
  const grid = page.getByRole('grid')
  await expect(grid.locator('[data-token-id]').nth(1)).toBeVisible()

  await page.getByRole('searchbox').focus()
  await page.keyboard.press('Tab') // status filter
  await page.keyboard.press('Tab') // sort
  await page.keyboard.press('Tab') // export
  await page.keyboard.press('Tab') // "Review N stale tokens"
  await page.keyboard.press('Tab') // into the grid: the first row's name
  await expect(grid.locator('[aria-rowindex="2"] [role="rowheader"] button')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  const second = grid.locator('[aria-rowindex="3"]')
  const revoke = second.getByRole('button', { name: /^Revoke / })
  await expect(revoke).toBeFocused()

  // It opens the dialog for that very token, and Escape gives focus back to it.
  const name = (await revoke.getAttribute('aria-label'))?.replace(/^Revoke /, '') ?? ''
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alertdialog')).toContainText(name)
  await page.keyboard.press('Escape')
  await expect(revoke).toBeFocused()
})
