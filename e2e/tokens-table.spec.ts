import { expectAxeClean } from './axe.ts'
import { expect, signIn, signOut, test, tokenRow, uniqueName } from './fixtures.ts'

// The demo seed (server/emulator/seed.ts) holds a token in every state. Each worker has its own
// emulator, but earlier tests in the same worker add tokens to it, so nothing here depends on exact
// totals. Seeded times count from when the worker's emulator started, which may be minutes before
// a test runs.

test('the table shows a seeded token in each state with its status badge and last-used text', async ({
  page,
}) => {
  // Tall enough to draw the seeded rows this test reads (the list is virtualised).
  await page.setViewportSize({ width: 1280, height: 1800 })
  await signIn(page)
  await expect(page).toHaveURL(/\/tokens$/)

  // Default view: active tokens, most recently used first.
  const ci = tokenRow(page, /CI deploy \(GitHub Actions\)/)
  await expect(ci.getByText('Active', { exact: true })).toBeVisible()
  await expect(ci.getByText('2 hours ago')).toBeVisible()
  await expect(ci.getByText('jobs:read')).toBeVisible()
  await expect(ci.getByRole('code')).toHaveText(/^ot_pat_/)

  // Seeded as used 10 minutes before the emulator started.
  await expect(tokenRow(page, /Hiring agent/).getByText(/\b1\d minutes ago/)).toBeVisible()
  const contractor = tokenRow(page, /Contractor onboarding/)
  await expect(contractor.getByText('Expiring soon')).toBeVisible()
  await expect(contractor.getByText('2 days left')).toBeVisible()
  const zapier = tokenRow(page, /Legacy Zapier integration/)
  await expect(zapier.getByText(/months ago/)).toBeVisible()
  await expect(zapier.getByText('Stale')).toBeVisible()
  // The list is virtualised: rows below the fold are drawn once scrolled to.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  const reporting = tokenRow(page, /Reporting dashboard/)
  await expect(reporting.getByText('Never used', { exact: true })).toBeVisible()
  await expect(reporting.getByText('Stale')).toBeVisible()

  // The token this browser signed in with is marked.
  await expect(page.getByText('This session')).toHaveCount(1)

  // Names are text: the HTML-looking one renders literally, nothing is injected.
  await expect(
    tokenRow(page, /onerror=alert/).getByText('<img src=x onerror=alert(1)>'),
  ).toBeVisible()
  await expect(page.locator('img')).toHaveCount(0)
  await page.evaluate(() => window.scrollTo(0, 0))

  // Most recently used first: "Hiring agent" (10 minutes) comes before "CI deploy" (2 hours).
  const names = await page.getByRole('rowheader').allInnerTexts()
  const hiring = names.findIndex((name) => name.includes('Hiring agent'))
  const deploy = names.findIndex((name) => name.includes('CI deploy'))
  expect(hiring).toBeGreaterThanOrEqual(0)
  expect(hiring).toBeLessThan(deploy)
  await expect(page.getByRole('columnheader', { name: /Last used/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )

  // Exact local time and UTC on keyboard focus.
  await ci.getByText('2 hours ago').focus()
  const tooltip = page.getByRole('tooltip')
  await expect(tooltip).toContainText('Last used')
  await expect(tooltip).toContainText('UTC')

  // Expired and revoked tokens are one filter away, with their own badges.
  await page.getByLabel('Status').selectOption('expired')
  await expect(
    tokenRow(page, /Q1 payroll export/).getByText('Expired', { exact: true }),
  ).toBeVisible()
  // Expired and revoked tokens are history: no action that would change nothing.
  await expect(
    tokenRow(page, /Q1 payroll export/).getByRole('button', { name: /Revoke/ }),
  ).toHaveCount(0)
  await page.getByLabel('Status').selectOption('revoked')
  await page.getByRole('searchbox').fill('Old laptop')
  await expect(tokenRow(page, /Old laptop/).getByText('Revoked', { exact: true })).toBeVisible()
  await expect(tokenRow(page, /Old laptop/).getByRole('button', { name: /Revoke/ })).toHaveCount(0)
})

test('the stale card filters the table, and the view survives reload and Back', async ({
  page,
}) => {
  await signIn(page)
  await expect(tokenRow(page, /CI deploy/)).toBeVisible()

  await page.getByRole('button', { name: /^Show \d+ stale tokens?$/ }).click()
  await expect(page).toHaveURL(/status=stale/)
  await expect(page.getByRole('button', { name: /^Show \d+ stale tokens?$/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(tokenRow(page, /Legacy Zapier integration/)).toBeVisible()
  await expect(tokenRow(page, /Reporting dashboard/)).toBeVisible()
  await expect(tokenRow(page, /CI deploy/)).toHaveCount(0)

  // Search narrows within the filter; `/` jumps to the field.
  await page.locator('body').press('/')
  await expect(page.getByRole('searchbox')).toBeFocused()
  await page.keyboard.type('zapier')
  await expect(tokenRow(page, /Reporting dashboard/)).toHaveCount(0)
  await expect(tokenRow(page, /Legacy Zapier integration/)).toBeVisible()
  await expect(page).toHaveURL(/q=zapier/)

  await page.reload()
  await expect(tokenRow(page, /Legacy Zapier integration/)).toBeVisible()
  await expect(tokenRow(page, /Reporting dashboard/)).toHaveCount(0)
  await expect(page.getByRole('searchbox')).toHaveValue('zapier')

  // Sorting is a URL change too; Back undoes it.
  await page.getByRole('button', { name: 'Name', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await page.goBack()
  await expect(page.getByRole('columnheader', { name: /Last used/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  await expect(page).toHaveURL(/status=stale/)

  await signOut(page)
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByText(/You signed out/)).toBeVisible()
  // The session is gone: the tokens page sends the person back to sign in.
  await page.goto('/tokens')
  await expect(page).toHaveURL(/\/sign-in\?redirect=/)
})

test('relative times keep moving while the page stays open', async ({ page, demoApi }) => {
  const name = uniqueName('E2E clock')
  await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await page.clock.install()
  await signIn(page)
  // Newest first, so the new token is in the first rows drawn (the list is virtualised).
  await page.goto('/tokens?sort=created')
  // The created cell's time (narrow layouts put a "Created" label before it).
  const created = tokenRow(page, name).locator('.cell--created time')
  await expect(created).toHaveText('now')

  await page.clock.fastForward('10:00')
  await expect(created).toHaveText('10 minutes ago')
  await page.clock.fastForward('02:00:00')
  await expect(created).toHaveText('2 hours ago')
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`sign-in and tokens pages are axe-clean in the ${colorScheme} theme`, async ({ page }) => {
    // Three full axe scans, each opening a helper page: several seconds apiece on a busy machine.
    test.slow()
    await page.emulateMedia({ colorScheme })
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { name: 'Sign in to the token console' })).toBeVisible()
    // The app follows the system theme in CSS (src/styles/base.css): the scan sees it.
    await expect(page.locator('html')).toHaveCSS('color-scheme', colorScheme)
    await expectAxeClean(page)

    await signIn(page)
    await expect(tokenRow(page, /CI deploy/)).toBeVisible()
    await expectAxeClean(page)

    await page.getByRole('button', { name: /Revoke CI deploy/ }).click()
    await expect(page.getByRole('alertdialog')).toBeVisible()
    await expectAxeClean(page)
    await page.keyboard.press('Escape')
  })
}

test('reads at a glance: Revoked is not struck through, dates are underlined only under the pointer, and the dark overlay dims the page', async ({
  page,
}) => {
  await signIn(page)
  // Searched for: tests before this one in the worker revoke tokens of their own (rotations among
  // them), and those rows, used more recently, can push this one out of the drawn rows.
  await page.goto('/tokens?status=revoked&q=Old%20laptop')
  const badge = tokenRow(page, /Old laptop/).getByText('Revoked', { exact: true })
  await expect(badge).toHaveCSS('text-decoration-line', 'none')
  await expect(badge).toHaveCSS('opacity', '1')

  const date = tokenRow(page, /Old laptop/)
    .locator('time')
    .first()
  await expect(date).toHaveCSS('text-decoration-line', 'none')
  await date.hover()
  await expect(date).toHaveCSS('text-decoration-line', 'underline')

  // The overlay's veil: in dark mode a light veil would barely change a dark page.
  const veil = async () => {
    const colour = await page.locator('.dialog-overlay').evaluate((overlay) => {
      return getComputedStyle(overlay).backgroundColor
    })
    return Number(/rgba\(0, 0, 0, ([\d.]+)\)/.exec(colour)?.[1] ?? 0)
  }
  await page.goto('/tokens')
  for (const [colorScheme, atLeast] of [
    ['light', 0.4],
    ['dark', 0.7],
  ] as const) {
    await page.emulateMedia({ colorScheme })
    await page.getByRole('button', { name: /Revoke CI deploy/ }).click()
    await expect(page.getByRole('alertdialog')).toBeVisible()
    expect(await veil()).toBeGreaterThanOrEqual(atLeast)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('alertdialog')).toBeHidden()
  }
})
