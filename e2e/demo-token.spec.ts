import { expect, signIn, test, tokenRow } from './fixtures.ts'

// Revoking the demo token would break every later test of a worker that shares its serve command,
// so this file gets a serve command of its own (a small generated account).
test.use({ seed: 20 })

test('after revoking the demo token it signed in with, "Use the demo token" signs in with a fresh one', async ({
  page,
  serve,
}) => {
  // The demo button signs in on the server: no answer the page reads carries the demo secret.
  const bodies: Promise<string>[] = []
  page.on('response', (response) => {
    bodies.push(response.text().catch(() => ''))
  })
  await signIn(page)
  const own = tokenRow(page, /This session/)
  await own.getByRole('button', { name: 'Revoke Demo token' }).click()
  const dialog = page.getByRole('alertdialog')
  // Focus starts in the name field: the name can be typed at once.
  await expect(dialog.getByRole('textbox')).toBeFocused()
  await page.keyboard.type('Demo token')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/sign-in/)

  await page.getByRole('button', { name: 'Use the demo token' }).click()
  await expect(page).toHaveURL(/\/tokens/)
  const fresh = tokenRow(page, /This session/)
  await expect(fresh.getByText('Active', { exact: true })).toBeVisible()
  // The revoked one is history, one filter away.
  await page.getByLabel('Status').selectOption('revoked')
  await expect(tokenRow(page, /Demo token/).getByText('Revoked', { exact: true })).toBeVisible()
  const texts = await Promise.all(bodies)
  expect(texts.length).toBeGreaterThan(5)
  // Compared, not printed: the first demo token, and the fresh one's secret part (`ot_pat_…` only
  // ever appears as a preview).
  expect(texts.some((text) => text.includes(serve.demoToken))).toBe(false)
  expect(texts.some((text) => /ot_pat_[0-9a-f]{12}_[A-Za-z0-9]{32}/.test(text))).toBe(false)
})
