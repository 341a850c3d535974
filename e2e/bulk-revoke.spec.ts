// "Revoke selected" against the emulator. These tests revoke the demo account's own seeded tokens
// (its stale ones among them), so each runs on a serve command and emulator of its own: nothing
// another test, or a repeat of this one, sees.
import type { WireToken } from '../server/emulator/wire-types.ts'
import { expectNoAxeViolations } from './axe.ts'
import {
  expect,
  failFirstRevoke,
  listOwnServeTokens as listTokens,
  signIn,
  testOnOwnServe as test,
} from './fixtures.ts'

test('reviewing the stale tokens revokes them all; one injected failure is retried from the results', async ({
  page,
  request,
  ownServe,
}) => {
  test.slow() // axe in two themes, twice
  const stale = ['Legacy Zapier integration', 'Reporting dashboard (read-only)']
  const before = await listTokens(request, ownServe)
  const failing = before.find((token) => token.name === stale[1])
  expect(failing).toBeDefined()
  await signIn(page)

  await page.getByRole('button', { name: 'Review 2 stale tokens' }).click()
  await expect(page).toHaveURL(/status=stale/)
  await expect(page.getByText('2 selected')).toBeVisible()
  for (const name of stale) {
    await expect(page.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked()
  }

  // The emulator answers the first DELETE of one of them with a 500.
  await failFirstRevoke(page, failing?.id ?? '', 'req_e2e_bulk_500')

  await page.getByRole('button', { name: 'Revoke selected…' }).click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toHaveAccessibleName('Revoke 2 tokens?')
  await expect(dialog).toContainText('0 used in the last 24 hours')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Revoke 2 tokens' }).click()

  await expect(dialog.getByText('1 revoked, 0 already gone, 1 failed.')).toBeVisible()
  const failedItem = dialog.getByRole('listitem').filter({ hasText: 'Failed' })
  await expect(failedItem).toContainText(failing?.name ?? '')
  await expect(failedItem).toContainText('req_e2e_bulk_500')
  await expectNoAxeViolations(page)
  const afterFailure = await listTokens(request, ownServe)
  expect(afterFailure.find((token) => token.id === failing?.id)?.status).toBe('active')

  await dialog.getByRole('button', { name: 'Retry 1 failed' }).click()
  await expect(dialog.getByText('2 revoked, 0 already gone, 0 failed.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  const after = await listTokens(request, ownServe)
  for (const name of stale) {
    expect(after.find((token) => token.name === name)?.status).toBe('revoked')
  }
  // Everything else is as it was.
  const untouched = (tokens: WireToken[]) =>
    tokens.filter((token) => !stale.includes(token.name)).map((token) => token.status)
  expect(untouched(after)).toEqual(untouched(before))
})

test('the keyboard alone selects rows, a Shift range included, and revokes them', async ({
  page,
  request,
  ownServe,
}) => {
  await signIn(page)
  const grid = page.getByRole('grid')
  const rowName = async (row: number) =>
    grid.locator(`[aria-rowindex="${row}"] [role="rowheader"] button`).innerText()
  const second = await rowName(3)
  const fourth = await rowName(5)
  const third = await rowName(4)

  // Past status, sort, export and "Review 2 stale tokens" into the grid (its tab stop: the first
  // row's name), down one row, left to its checkbox.
  await page.getByRole('searchbox').focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab')
  await expect(grid.locator('[aria-rowindex="2"] [role="rowheader"] button')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('checkbox', { name: `Select ${second}` })).toBeFocused()
  await page.keyboard.press('Space')
  // Two rows down, Shift+Space: the rows between are ticked too.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+Space')
  await expect(page.getByText('3 selected')).toBeVisible()
  for (const name of [second, third, fourth]) {
    await expect(page.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked()
  }

  // Back out of the grid to the selection's bar: its last button.
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('button', { name: 'Revoke selected…' })).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toHaveAccessibleName('Revoke 3 tokens?')
  // They were used today: the count is typed first, where focus starts; Enter then revokes.
  await expect(dialog.getByLabel('Type revoke 3 to confirm')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveAccessibleName('Revoke 3 tokens?')
  await page.keyboard.type('Revoke 3')
  await page.keyboard.press('Enter')
  await expect(dialog.getByText('3 revoked, 0 already gone, 0 failed.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  // Focus is back on the page, in the selection's bar (nothing is selected now).
  await expect(page.locator('.bulk-bar button').first()).toBeFocused()

  const tokens = await listTokens(request, ownServe)
  for (const name of [second, third, fourth]) {
    expect(tokens.find((token) => token.name === name)?.status).toBe('revoked')
  }
})

test('the session opt-in reads as one sentence at 1440 and 375 px: the name is never split into columns', async ({
  page,
}) => {
  await signIn(page)
  await page.getByRole('checkbox', { name: 'Select Demo token' }).check()
  await page.getByRole('checkbox', { name: 'Select Hiring agent' }).check()
  await page.getByRole('button', { name: 'Revoke selected…' }).click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toHaveAccessibleName('Revoke 1 of 2 selected tokens?')
  // The count to type (Hiring agent can write) and the session's opt-in, both axe-clean.
  await expect(dialog.getByLabel('Type revoke 1 to confirm')).toBeFocused()
  await expectNoAxeViolations(page)
  const label = dialog.locator('label').filter({ hasText: 'Also revoke' })

  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: 900 })
    // Each run of non-space text, where the browser put it: a word split over two lines, or two
    // words of one line far apart (a column each), is a sentence broken up.
    const layout = await label.evaluate((element) => {
      const pieces: { text: string; rects: DOMRect[] }[] = []
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          pieces.push({ text: match[0], rects: [...range.getClientRects()] })
        }
      }
      // Line by line, left to right: the space before each word that has one on its left.
      const placed = pieces
        .flatMap(({ text, rects }) => rects.map((rect) => ({ text, rect })))
        .sort((a, b) => Math.round(a.rect.top - b.rect.top) || a.rect.left - b.rect.left)
      const gaps = placed.slice(1).flatMap(({ text, rect }, index) => {
        const before = placed[index]
        return before && Math.round(before.rect.top) === Math.round(rect.top)
          ? [{ words: `${before.text} ${text}`, gap: rect.left - before.rect.right }]
          : []
      })
      return {
        split: pieces.filter(({ rects }) => rects.length > 1).map(({ text }) => text),
        gaps,
        space: parseFloat(getComputedStyle(element).fontSize) * 0.6,
      }
    })
    expect(layout.split, `words split over lines at ${width} px`).toEqual([])
    expect(
      layout.gaps.filter(({ gap }) => gap >= layout.space),
      `words far apart on a line at ${width} px`,
    ).toEqual([])
  }
})
