import { expectAxeClean } from './axe.ts'
import { expect, signOut, test } from './fixtures.ts'

test('a newcomer opens the console, signs in with the demo token and reaches the tokens page', async ({
  page,
  demoApi,
}) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in\?redirect=/)
  await expect(page.getByRole('heading', { name: 'Sign in to the token console' })).toBeVisible()
  await expectAxeClean(page)

  const field = page.getByLabel('Personal API token')
  await expect(field).toHaveAttribute('type', 'password')
  await expect(field).toHaveAttribute('autocomplete', 'off')

  await page.getByRole('button', { name: 'Use the demo token' }).click()
  await expect(page).toHaveURL(/\/tokens$/)
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
  // Focus starts at the page's main heading, not lost with the Sign in page's button.
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeFocused()
  await expect(page.getByRole('banner')).toContainText('Mira Chen')

  // What the page shows is what the emulator holds.
  const tokens = await demoApi.listTokens()
  await expect(
    page.getByRole('status').filter({ hasText: `of ${tokens.length} tokens` }),
  ).toBeVisible()

  // The token never lands in the address bar or in local storage.
  expect(page.url()).not.toContain('ot_pat_')
  expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain('ot_pat_')

  // A reload keeps the session (the serve command's cookie); signing out ends it.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
  await signOut(page)
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByRole('status').filter({ hasText: 'You signed out' })).toBeVisible()
})

test('the serve command proxies only the API, answers in the API envelope, and falls back to the app', async ({
  request,
  demoApi,
}) => {
  const list = await request.get('/api/public/v1/tokens', {
    headers: { Authorization: `Bearer ${demoApi.demoToken}` },
  })
  expect(list.status()).toBe(200)
  expect(list.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)

  const anonymous = await request.get('/api/public/v1/tokens')
  expect(anonymous.status()).toBe(401)
  expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHORIZED' })

  const elsewhere = await request.get('/api/partner/v1/openapi.json')
  expect(elsewhere.status()).toBe(404)
  expect(await elsewhere.json()).toMatchObject({ code: 'NOT_FOUND' })

  const deepLink = await request.get('/tokens?status=stale')
  expect(deepLink.status()).toBe(200)
  expect(deepLink.headers()['content-type']).toContain('text/html')
  expect(deepLink.headers()['content-security-policy']).toContain("default-src 'self'")

  const missingAsset = await request.get('/assets/nope.js')
  expect(missingAsset.status()).toBe(404)
})
