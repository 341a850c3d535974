// Rotation against the emulator: create-then-revoke, and the session's own token without being
// signed out. Each test creates the tokens it rotates (the worker's demo token stays untouched).
import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'
import { expect, signIn, test, tokenRow, uniqueName } from './fixtures.ts'

const DAY_MS = 86_400_000

/** From the dialog's first step to its secret, copied; returns the secret as the clipboard has it. */
async function createReplacement(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('button', { name: 'Create the replacement' }).click()
  await expect(dialog.getByText(/is created and already works/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Copy and continue' }).click()
  return page.evaluate(() => navigator.clipboard.readText())
}

test('rotating a token: the replacement has its scopes and lifetime and works; the old one is revoked with the usual dialog', async ({
  page,
  context,
  demoApi,
}) => {
  test.slow() // axe in two themes
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const name = uniqueName('Rotate me')
  const expiresAt = new Date(Date.now() + 30 * DAY_MS).toISOString()
  const old = await demoApi.createToken({ name, scopes: ['jobs:write'], expiresAt })
  await signIn(page)
  await page.goto(`/tokens?q=${encodeURIComponent(name)}`)

  await tokenRow(page, name)
    .getByRole('button', { name: `Rotate ${name}` })
    .click()
  const dialog = page.getByRole('dialog', { name: `Rotate “${name}”` })
  await expect(dialog.getByRole('region', { name: 'The replacement' })).toContainText(
    `${name} (replaces ${old.metadata.preview})`,
  )
  // The old token's lifetime is the expiry chosen, until another is.
  await expect(
    dialog.getByRole('radio', { name: /^The old token’s lifetime: 30 days/ }),
  ).toBeChecked()
  await expectNoAxeViolations(page)

  const secret = await createReplacement(page, dialog)
  expect(await demoApi.statusWith(secret)).toBe(200)
  await dialog.getByRole('button', { name: 'Revoke the old token…' }).click()
  const confirm = page.getByRole('alertdialog', { name: new RegExp(`Revoke “${name}”`) })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: /^Revoke/ }).click()
  await expect(confirm).toBeHidden()

  await expect
    .poll(async () => (await demoApi.listTokens()).find((t) => t.id === old.metadata.id)?.status)
    .toBe('revoked')
  expect(await demoApi.statusWith(old.token)).toBe(401)
  const replacement = (await demoApi.listTokens()).find(
    (token) => token.name === `${name} (replaces ${old.metadata.preview})`,
  )
  expect(replacement?.status).toBe('active')
  expect(replacement?.scopes).toEqual(old.metadata.scopes)
  const lifetime =
    Date.parse(replacement?.expiresAt ?? '') - Date.parse(replacement?.createdAt ?? '')
  expect(Math.abs(lifetime - 30 * DAY_MS)).toBeLessThan(60_000)
})

test("rotating the session's own token: still signed in, now with the replacement, and the old token gets 401", async ({
  page,
  context,
  demoApi,
}) => {
  test.slow() // axe in two themes
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const name = uniqueName('Signed-in token')
  const old = await demoApi.createToken({ name, scopes: ['jobs:read', 'jobs:write'] })
  await signIn(page, old.token)
  await page.goto(`/tokens?q=${encodeURIComponent(name)}`)

  const row = tokenRow(page, name)
  await expect(row.getByText('This session')).toBeVisible()
  await row.getByRole('button', { name: `Rotate ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Rotate “${name}”` })
  await expect(dialog).toContainText('You stay signed in')
  // The old token never expires: so does its replacement by default, warned about; 7 days is chosen.
  await expect(dialog.getByRole('radio', { name: 'Never' })).toBeChecked()
  await expect(
    dialog.getByText(/A token that never expires is the one still working/),
  ).toBeVisible()
  await dialog.getByRole('radio', { name: /^7 days/ }).check()
  const secret = await createReplacement(page, dialog)

  await expect(dialog.getByText(/This console now uses/)).toBeVisible()
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Revoke the old token' }).click()
  await expect(dialog.getByText(/Rotated\./)).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  expect(await demoApi.statusWith(old.token)).toBe(401)
  expect(await demoApi.statusWith(secret)).toBe(200)
  // Signed in with the replacement, across a reload too.
  const replacementName = `${name} (replaces ${old.metadata.preview})`
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(`signed in with “${replacementName}”`)
  await page.goto(`/tokens?q=${encodeURIComponent(name)}&status=all`)
  await expect(tokenRow(page, replacementName)).toContainText('This session')
  const replacement = (await demoApi.listTokens(secret)).find((t) => t.name === replacementName)
  const lifetime =
    Date.parse(replacement?.expiresAt ?? '') - Date.parse(replacement?.createdAt ?? '')
  expect(Math.abs(lifetime - 7 * DAY_MS)).toBeLessThan(60_000)
  await expect(page.locator(`[data-token-id="${old.metadata.id}"]`)).toContainText('Revoked')
})
