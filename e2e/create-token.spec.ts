import { expectNoAxeViolations } from './axe.ts'
import { expect, signIn, test, tokenRow, uniqueName } from './fixtures.ts'

test('the keyboard alone creates a token; its secret, shown once, works against the API', async ({
  page,
  context,
  request,
}) => {
  test.slow() // two axe scans in each of two themes
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const name = uniqueName('Created by keyboard')
  await signIn(page)

  await page.getByRole('button', { name: 'New token' }).focus()
  await page.keyboard.press('Enter')
  const form = page.getByRole('dialog', { name: 'New personal API token' })
  const nameField = form.getByLabel('Name')
  await expect(nameField).toBeFocused()
  await page.keyboard.type(name)
  await page.keyboard.press('Tab')
  await expect(form.getByRole('button', { name: 'All read scopes' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(form.getByRole('checkbox', { name: /^jobs:read/ })).toBeChecked()
  await expect(form.getByRole('checkbox', { name: /^jobs:write/ })).not.toBeChecked()
  await expect(form.getByRole('region', { name: 'Summary' })).toContainText(
    `Creates “${name}” with 5 scopes`,
  )
  await expectNoAxeViolations(page)

  // Enter in the name field sends the form.
  await nameField.focus()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('dialog', { name: 'Copy your new token' })
  const copy = panel.getByRole('button', { name: 'Copy', exact: true })
  await expect(copy).toBeFocused()
  await expect(panel.getByLabel('The new token, hidden')).toBeVisible()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Enter')
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible()
  const secret = await page.evaluate(() => navigator.clipboard.readText())
  expect(secret).toMatch(/^ot_pat_[0-9a-f]{12}_[A-Za-z0-9]{32}$/)

  // Copied: Escape closes at once, and nothing of the secret stays in the page or its storage.
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  const leftovers = await page.evaluate(
    (value) =>
      [
        document.documentElement.outerHTML,
        JSON.stringify({ ...sessionStorage }),
        JSON.stringify({ ...localStorage }),
      ].some((text) => text.includes(value)),
    secret,
  )
  expect(leftovers).toBe(false)
  expect(page.url()).not.toContain(secret.slice(-12))

  // The new row is first in the view, and focus is on its name.
  const row = tokenRow(page, name)
  await expect(row.getByRole('button', { name, exact: true })).toBeFocused()
  await expect(page.getByRole('row').nth(1)).toHaveAccessibleName(new RegExp(name))

  // The secret is a working token with exactly what was chosen.
  const me = await request.get('/api/public/v1/auth/me', {
    headers: { Authorization: `Bearer ${secret}` },
  })
  expect(me.status()).toBe(200)
  const { token } = (await me.json()) as { token: { label: string; scopes: string[] } }
  expect(token.label).toBe(name)
  expect(token.scopes).toEqual([
    'jobs:read',
    'proposals:read',
    'messages:read',
    'payments:read',
    'team:read',
  ])
})

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 }, hasTouch: true })

  test('scope groups sit close together, and the quick choices look like buttons', async ({
    page,
  }) => {
    await signIn(page)
    await page.getByRole('button', { name: 'New token' }).click()
    const form = page.getByRole('dialog', { name: 'New personal API token' })
    const groups = form.getByRole('group', { name: 'Scopes' }).getByRole('group')
    await expect(groups.first()).toBeVisible()

    // From the end of one group's last scope to the next group's first checkbox: the resource's
    // name and a rule, not an empty band (stacked, a group's label once kept its 6.5rem column
    // width as its height).
    const gaps = await groups.evaluateAll((elements) =>
      elements.slice(1).map((group, index) => {
        const scopes = (elements[index] as Element).querySelectorAll('label')
        const above = scopes[scopes.length - 1]?.getBoundingClientRect().bottom ?? 0
        const below = group.querySelector('input[type="checkbox"]')?.getBoundingClientRect().top
        return Math.round((below ?? 0) - above)
      }),
    )
    expect(gaps.length).toBeGreaterThan(2)
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(56)

    // "All read scopes" and "None" are actions: outlined, as the app's secondary buttons are.
    for (const name of ['All read scopes', 'None']) {
      const button = form.getByRole('button', { name, exact: true })
      await expect(button).toHaveClass(/\bbutton--secondary\b/)
      await expect(button).not.toHaveCSS('border-top-color', 'rgba(0, 0, 0, 0)')
    }
  })
})

test('Escape on a filled-in form asks before discarding it, and focus follows each answer', async ({
  page,
}) => {
  await signIn(page)
  const newToken = page.getByRole('button', { name: 'New token' })
  await newToken.click()
  const form = page.getByRole('dialog', { name: 'New personal API token' })
  const nameField = form.getByLabel('Name')
  await expect(nameField).toBeFocused()
  await page.keyboard.type('Half done')

  await page.keyboard.press('Escape')
  const ask = page.getByRole('dialog', { name: 'Discard this new token?' })
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Enter')
  await expect(nameField).toBeFocused()
  await expect(nameField).toHaveValue('Half done')

  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await expect(ask.getByRole('button', { name: 'Discard' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(newToken).toBeFocused()
})
