import type { Locator } from '@playwright/test'
import { LONG_NAME } from '../server/emulator/seed.ts'
import type { WireToken } from '../server/emulator/wire-types.ts'
import { expectNoAxeViolations } from './axe.ts'
import { expect, showNewestFirst, signIn, test, tokenRow, uniqueName } from './fixtures.ts'

/** A fact's value in the details, found by its term (ARIA gives a definition no name). */
const fact = (drawer: Locator, term: string) => drawer.locator(`dt:text-is("${term}") + dd`)

// The details drawer: the one place a token's full record is readable, by touch, keyboard or link.

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true, timezoneId: 'Europe/Berlin' })

  test('a tap on a 120-character name shows all of it, with exact local and UTC times; axe-clean in both themes', async ({
    page,
  }) => {
    test.slow() // an axe scan in each of two themes
    await signIn(page)
    // Searched for: other tests in this worker add tokens, and on a phone each is a tall card, so
    // the list may not draw its row otherwise.
    await page.goto(`/tokens?q=${encodeURIComponent('Nightly data-warehouse')}`)
    const row = tokenRow(page, new RegExp(LONG_NAME.slice(0, 40)))
    await row.getByRole('button', { name: LONG_NAME, exact: true }).tap()

    const drawer = page.getByRole('dialog', { name: LONG_NAME })
    await expect(drawer).toBeVisible()
    await expect(page).toHaveURL(/[?&]details=/)
    // The sheet takes the whole width, and the name wraps inside it: nothing is cut off.
    expect(await drawer.boundingBox()).toMatchObject({ x: 0, width: 375 })
    const title = drawer.getByRole('heading', { name: LONG_NAME })
    await expect(title).toHaveText(LONG_NAME)
    const fits = await title.evaluate(
      (heading) =>
        heading.scrollWidth <= heading.clientWidth && heading.getBoundingClientRect().right <= 375,
    )
    expect(fits).toBe(true)

    // Berlin in November is UTC+1: the local and the UTC time are both spelled out.
    const created = fact(drawer, 'Created')
    await expect(created).toContainText(/ago/)
    await expect(created).toContainText(/GMT\+1|CET/)
    await expect(created).toContainText(/UTC/)
    await expect(
      drawer.getByRole('list', { name: 'Scopes (5)' }).getByRole('listitem'),
    ).toHaveCount(5)

    await expectNoAxeViolations(page)

    await drawer.getByRole('button', { name: 'Close token details' }).tap()
    await expect(drawer).toBeHidden()
    await expect(page).not.toHaveURL(/details=/)
  })
})

test('the keyboard alone opens the details, copies the id, revokes from them and comes back to the row', async ({
  page,
  context,
  demoApi,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const name = uniqueName('Details by keyboard')
  // Read-only and never used: the confirmation asks no typed name.
  const { metadata } = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await signIn(page)
  await showNewestFirst(page)
  await expect(tokenRow(page, name)).toBeVisible()

  // From the search field past status, sort, export and "Review 2 stale tokens" into the grid: its
  // first row is the token just created.
  await page.getByRole('searchbox').focus()
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab')
  const nameButton = tokenRow(page, name).getByRole('button', { name, exact: true })
  await expect(nameButton).toBeFocused()
  await page.keyboard.press('Enter')

  const drawer = page.getByRole('dialog', { name })
  await expect(drawer.getByRole('button', { name: 'Close token details' })).toBeFocused()
  await expect(fact(drawer, 'ID')).toContainText(metadata.id)
  await expect(fact(drawer, 'Last used')).toContainText('Never used')

  // Tab reaches the actions (Rotate, Revoke) and the copy buttons; it never leaves the drawer.
  await page.keyboard.press('Tab')
  await expect(drawer.getByRole('button', { name: `Rotate ${name}` })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(drawer.getByRole('button', { name: `Revoke ${name}` })).toBeFocused()
  await page.keyboard.press('Tab')
  const copyId = drawer.getByRole('button', { name: 'Copy the token ID' })
  await expect(copyId).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(copyId).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(metadata.id)

  // Revoke from the details: the usual dialog, then the details show the token revoked.
  await drawer.getByRole('button', { name: `Revoke ${name}` }).focus()
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('alertdialog', { name: `Revoke “${name}”?` })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(confirm).toBeHidden()
  await expect(fact(drawer, 'Revoked')).toContainText(/ago|now/)
  await expect(drawer).toBeFocused()
  expect((await demoApi.listTokens()).find((token) => token.id === metadata.id)?.status).toBe(
    'revoked',
  )

  // Escape closes them and focus is back on the name in the table.
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(nameButton).toBeFocused()
  await expect(page).not.toHaveURL(/details=/)
})

test('a link opens the details of a token; opened from a name, Back closes them', async ({
  page,
  demoApi,
}) => {
  const tokens = await demoApi.listTokens()
  expect(tokens.length).toBeGreaterThan(0)
  const first = tokens[0] as WireToken
  await signIn(page)
  await page.goto(`/tokens?status=all&details=${first.id}`)
  const linked = page.getByRole('dialog', { name: first.name })
  await expect(linked).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(linked).toBeHidden()
  await expect(page).toHaveURL(/\/tokens\?status=all$/)

  const row = page.getByRole('grid').locator('[data-token-id]').first()
  await row.getByRole('rowheader').getByRole('button').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page).toHaveURL(/\/tokens\?status=all$/)
})
