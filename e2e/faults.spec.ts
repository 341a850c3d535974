// Rows of the fault matrix (issue 11) that need a real browser: going offline and back, a proxy's
// HTML error page, and a connection dropped under a revoke. The rest of the matrix runs in the
// integration tests (src/**/*.faults.test.tsx), where MSW plays each fault.
import { expectNoAxeViolations } from './axe.ts'
import { expect, showNewestFirst, signIn, test, tokenRow, uniqueName } from './fixtures.ts'

const OFFLINE = /^You are offline\. The page shows what was last loaded/

test('offline and back: a banner while offline, and the list fetched again when back', async ({
  page,
  context,
}) => {
  await signIn(page)
  await expect(page.getByRole('grid')).toBeVisible()
  await expect(page.getByText(OFFLINE)).toBeHidden()

  await context.setOffline(true)
  await expect(page.getByText(OFFLINE)).toBeVisible()
  await expect(page.getByRole('grid')).toBeVisible()
  await expectNoAxeViolations(page)

  // The list is younger than its stale time, and is fetched again all the same.
  const refetch = page.waitForRequest(
    (request) => request.method() === 'GET' && request.url().endsWith('/api/public/v1/tokens'),
  )
  await context.setOffline(false)
  await refetch
  await expect(page.getByText(OFFLINE)).toBeHidden()
})

test("a proxy's 502 HTML page: a clear message, and its script never runs", async ({ page }) => {
  await signIn(page)
  await page.route('**/api/public/v1/tokens', (route) =>
    route.fulfill({
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1><script>window.__ran502 = true</script></body></html>',
    }),
  )
  // A page the serve command renders brings its list: the browser asks for it on a navigation
  // within the app, from a page that has none (the not-found page, rendered without data).
  await page.goto('/no-such-page')
  await page.getByRole('link', { name: /tokens/i }).click()
  const alert = page.getByRole('alert')
  // Retried 3 times first (1, 2 and 4 s of backoff): the message comes after them.
  await expect(alert.getByRole('heading', { name: 'OpenTrain had a problem' })).toBeVisible({
    timeout: 15_000,
  })
  await expect(alert).toContainText('The OpenTrain API answered 502')
  expect(await page.evaluate(() => (window as { __ran502?: boolean }).__ran502)).toBeUndefined()

  await page.unroute('**/api/public/v1/tokens')
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('grid')).toBeVisible()
})

test('a connection dropped under a revoke: not confirmed, and the row ends as the server holds it', async ({
  page,
  demoApi,
}) => {
  const name = uniqueName('Dropped revoke')
  const created = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await signIn(page)
  await showNewestFirst(page)
  await page.route(`**/api/public/v1/tokens/${created.metadata.id}`, (route) =>
    route.request().method() === 'DELETE' ? route.abort('connectionreset') : route.fallback(),
  )

  await tokenRow(page, new RegExp(name))
    .getByRole('button', { name: `Revoke ${name}` })
    .click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click()
  const note = tokenRow(page, new RegExp(name)).getByRole('group', {
    name: `Revoke of ${name} failed`,
  })
  await expect(note).toContainText('may or may not be revoked')
  await expect(note).toContainText('The list now shows what OpenTrain holds.')
  // The DELETE never reached the emulator: the refetched list has the token active.
  await expect(tokenRow(page, new RegExp(name)).getByText('Active')).toBeVisible()
  const listed = (await demoApi.listTokens()).find((token) => token.id === created.metadata.id)
  expect(listed?.status).toBe('active')
})
