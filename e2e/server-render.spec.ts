// The serve command renders each page before it sends it (issue 21, docs/server-rendering.md):
// the first screen's rows are in the HTML, readable with JavaScript off; the page hydrates without
// a mismatch in any locale or zone; and the headers keep account data out of caches and inline
// script out of the page.
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test'
import { expect, test, tokenRow, uniqueName } from './fixtures.ts'

/** Signs `request`'s cookie jar in with the demo token, as the sign-in page's demo button does. */
async function signInDemo(request: APIRequestContext, origin: string): Promise<void> {
  const response = await request.post('/console/session/demo', {
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    data: {},
  })
  expect(response.status()).toBe(200)
}

/** Every console error and uncaught exception of pages in `context` (a hydration mismatch is one). */
function pageErrors(context: BrowserContext): string[] {
  const errors: string[] = []
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
  }
  context.pages().forEach(watch)
  context.on('page', watch)
  return errors
}

test('with JavaScript off, a signed-in person reads the first screen of their tokens', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false })
  try {
    await signInDemo(context.request, baseURL ?? '')
    const page = await context.newPage()
    await page.goto('/tokens')
    await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
    await expect(tokenRow(page, /CI deploy/)).toBeVisible()
    await expect(tokenRow(page, /CI deploy/).getByText('2 hours ago')).toBeVisible()
    // (Playwright's text search skips <noscript>, which a browser without JavaScript shows.)
    await expect(page.locator('.page-banner')).toContainText('JavaScript is off')
    await expect(page.locator('.page-banner')).toBeVisible()
    // Read only: the controls that need the app are not offered.
    await expect(page.getByRole('button', { name: /^Revoke / }).first()).toBeHidden()
    const rows = await page.locator('[data-token-id]').count()
    expect(rows).toBeGreaterThan(3)
  } finally {
    await context.close()
  }
})

test('signed out, /tokens answers with a redirect to sign-in before anything is drawn', async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL })
  try {
    const response = await request.get('/tokens', { maxRedirects: 0 })
    expect(response.status()).toBe(307)
    expect(response.headers().location).toBe('/sign-in?redirect=%2Ftokens')
    expect(await response.text()).not.toContain('data-token-id')

    // A session cookie that no longer opens (another key sealed it) is cleared on the way.
    const stale = await request.get('/tokens', {
      maxRedirects: 0,
      headers: { Cookie: 'ot_session=AAAA; ot_signed_in=1' },
    })
    expect(stale.status()).toBe(307)
    const cleared = stale.headersArray().filter(({ name }) => name.toLowerCase() === 'set-cookie')
    expect(cleared.map(({ value }) => value.split('=')[0]).sort()).toEqual([
      'ot_session',
      'ot_signed_in',
    ])
  } finally {
    await request.dispose()
  }
})

test('a rendered page is never cached, and runs no inline script without its nonce', async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL })
  try {
    await signInDemo(request, baseURL ?? '')
    const response = await request.get('/tokens')
    expect(response.status()).toBe(200)
    const headers = response.headers()
    expect(headers['cache-control']).toBe('no-store')
    const csp = headers['content-security-policy'] ?? ''
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? ''
    expect(scriptSrc).not.toContain('unsafe-inline')
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1]
    expect(nonce).toBeTruthy()

    const html = await response.text()
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map(([, attrs]) => attrs)
    // Data that never runs, or the router's hydration scripts with this response's nonce.
    const data = inline.filter((attrs) => attrs?.includes('type="application/json"'))
    const scripts = inline.filter((attrs) => !attrs?.includes('type="application/json"'))
    expect(data).toHaveLength(1)
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.filter((attrs) => !attrs?.includes(`nonce="${nonce}"`))).toEqual([])
    // Another response, another nonce.
    const again = await request.get('/tokens')
    expect(again.headers()['content-security-policy']).not.toContain(nonce)
  } finally {
    await request.dispose()
  }
})

test('the page hydrates without a mismatch in another locale and zone, then writes their dates', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Pacific/Kiritimati',
  })
  const errors = pageErrors(context)
  try {
    await signInDemo(context.request, baseURL ?? '')
    const page = await context.newPage()
    // First visit: the server knows the locale (Accept-Language) but not the zone, and writes UTC.
    const first = await page.goto('/tokens')
    expect(await first?.text()).toContain('vor 2 Stunden')
    await expect(page.locator('html[data-app-ready]')).toBeAttached()
    await expect(tokenRow(page, /CI deploy/).getByText('vor 2 Stunden')).toBeVisible()
    // The page told the server its zone; the next render is written in it.
    const cookies = await context.cookies()
    expect(cookies.find(({ name }) => name === 'ot_tz')?.value).toBe('Pacific%2FKiritimati')
    await page.reload()
    await expect(page.locator('html[data-app-ready]')).toBeAttached()
    await expect(tokenRow(page, /CI deploy/)).toBeVisible()
    expect(errors).toEqual([])
  } finally {
    await context.close()
  }
})

test('after a reload the rendered page works as the app: Revoke opens its dialog and revokes', async ({
  page,
  demoApi,
}) => {
  const name = uniqueName('E2E rendered revoke')
  const created = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Use the demo token' }).click()
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
  // A load of its own, newest first: the serve command renders the new token in the first screen.
  await page.goto('/tokens?sort=created')
  await expect(page.locator('#ot-server-render')).toHaveCount(1)
  const row = tokenRow(page, name)
  await row.getByRole('button', { name: `Revoke ${name}` }).click()
  const dialog = page.getByRole('alertdialog')
  await dialog.getByRole('button', { name: 'Revoke token' }).click()
  await expect(row.getByText('Revoked', { exact: true })).toBeVisible()
  const stored = (await demoApi.listTokens()).find((token) => token.id === created.metadata.id)
  expect(stored?.status).toBe('revoked')
})

test('when the server cannot load the page (its token was revoked elsewhere), the browser draws it and signs out with the reason', async ({
  page,
  demoApi,
  playwright,
  baseURL,
}) => {
  const name = uniqueName('E2E revoked elsewhere')
  const { token: secret, metadata } = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await page.goto('/sign-in')
  await page.getByLabel('Personal API token').fill(secret)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()

  // Revoked by another client: the session's cookie still opens, but OpenTrain refuses its token.
  const other = await playwright.request.newContext({ baseURL })
  try {
    const revoked = await other.delete(`/api/public/v1/tokens/${metadata.id}`, {
      headers: { Authorization: `Bearer ${demoApi.demoToken}` },
    })
    expect(revoked.status()).toBe(200)
  } finally {
    await other.dispose()
  }

  const response = await page.goto('/tokens')
  // The head went out first; the render failed (401), so #root stayed empty for the app to draw.
  expect(await response?.text()).toContain('<div id="root"></div>')
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByText('You were signed out: this token is no longer valid.')).toBeVisible()
  expect((await page.context().cookies()).map(({ name: cookie }) => cookie)).not.toContain(
    'ot_session',
  )
})
