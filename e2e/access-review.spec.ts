// The access review (issue 22): reached from the tokens page, decided with the keyboard alone, and
// kept in the browser across a reload; axe-clean in both themes.
import { expectNoAxeViolations } from './axe.ts'
import { expect, signIn, test } from './fixtures.ts'

test('the keyboard alone decides a review, which survives a reload until it is discarded', async ({
  page,
}) => {
  await signIn(page)
  await page.getByRole('link', { name: 'Review access' }).click()
  await expect(page.getByRole('heading', { name: 'Access review' })).toBeVisible()
  await expect(page).toHaveURL(/\/review$/)

  // The seeded never-used token starts with Revoke suggested; the session's own token does not.
  const reporting = page.getByRole('group', { name: 'Reporting dashboard (read-only)' })
  await expect(reporting.getByRole('radio', { name: /^Revoke/ })).toBeChecked()
  await expect(reporting.getByText('suggested: never used')).toBeVisible()
  const demo = page.getByRole('group', { name: 'Demo token' })
  await expect(demo.getByRole('radio', { name: /^Revoke/ })).not.toBeChecked()

  // Keep, then the next token with one key each.
  await demo.getByRole('radio', { name: 'Keep' }).focus()
  await page.keyboard.press('k')
  await expect(demo.getByRole('radio', { name: 'Keep' })).toBeChecked()
  const focusedGroup = page.locator('fieldset:has(input:focus)')
  const next = (await focusedGroup.locator('legend').textContent()) ?? ''
  await page.keyboard.press('r')
  await expect(
    page.getByRole('group', { name: next }).getByRole('radio', { name: 'Rotate' }),
  ).toBeChecked()
  const progress = await page.getByText(/\d+ of \d+ decided/).textContent()

  await page.reload()
  await expect(demo.getByRole('radio', { name: 'Keep' })).toBeChecked()
  await expect(
    page.getByRole('group', { name: next }).getByRole('radio', { name: 'Rotate' }),
  ).toBeChecked()
  await expect(page.getByText(/\d+ of \d+ decided/)).toHaveText(progress ?? '')
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Discard review' }).click()
  await expect(demo.getByRole('radio', { name: 'Keep' })).not.toBeChecked()
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the review is axe-clean in the ${colorScheme} theme, at 375 px too`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await signIn(page)
    await page.goto('/review')
    await expect(page.getByRole('heading', { name: 'Access review' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.setViewportSize({ width: 375, height: 800 })
    await expectNoAxeViolations(page)
  })
}
