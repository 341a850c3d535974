import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import type { WireCreated, WireToken } from '../server/emulator/wire-types.ts'
import { startServe, type ServeInstance } from './serve.ts'

/** Console errors a test may cause on purpose (failed requests it injected) match one of these. */
const ALLOWED_CONSOLE_ERRORS = [/Failed to load resource/]

interface DemoApi {
  demoToken: string
  listTokens: (token?: string) => Promise<WireToken[]>
  createToken: (body: Record<string, unknown>) => Promise<WireCreated>
  /** The status code the API answers `GET /tokens` with when called with `token`. */
  statusWith: (token: string) => Promise<number>
}

export const test = base.extend<
  { demoApi: DemoApi },
  { serve: ServeInstance; seed: number | undefined }
>({
  // `test.use({ seed: N })` gives a file's workers an account of N generated tokens.
  seed: [undefined, { scope: 'worker', option: true }],
  // Each worker runs its own serve command and emulator (fresh in-memory db): no test sees another
  // worker's writes. Tests in one worker run one after another and share its emulator.
  serve: [
    async ({ seed }, use) => {
      const serve = await startServe({ args: seed === undefined ? [] : ['--seed', String(seed)] })
      try {
        await use(serve)
      } finally {
        await serve.stop()
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ serve }, use) => {
    await use(serve.url)
  },
  page: async ({ page }, use) => {
    // A page the serve command rendered shows its controls before the app runs them: a click
    // then does nothing. Every load waits for the app (`data-app-ready`), as a person would
    // for the page to respond; a load of anything else (an API answer, a 404) does not.
    for (const load of ['goto', 'reload'] as const) {
      const original = page[load].bind(page) as (...args: unknown[]) => Promise<unknown>
      Object.assign(page, {
        [load]: async (...args: unknown[]) => {
          const response = await original(...args)
          if (await page.locator('#ot-server-render').count())
            await page.locator('html[data-app-ready]').waitFor({ state: 'attached' })
          return response
        },
      })
    }
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (!ALLOWED_CONSOLE_ERRORS.some((pattern) => pattern.test(text))) errors.push(text)
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await use(page)
    expect(errors, 'the page logged errors').toEqual([])
  },
  demoApi: async ({ request, serve }, use) => {
    const { demoToken } = serve
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` })
    await use({
      demoToken,
      listTokens: async (token = demoToken) => {
        const response = await request.get('/api/public/v1/tokens', { headers: auth(token) })
        expect(response.status()).toBe(200)
        return ((await response.json()) as { tokens: WireToken[] }).tokens
      },
      createToken: async (body) => {
        const response = await request.post('/api/public/v1/tokens', {
          headers: auth(demoToken),
          data: body,
        })
        expect(response.status()).toBe(201)
        return (await response.json()) as WireCreated
      },
      statusWith: async (token) =>
        (await request.get('/api/public/v1/tokens', { headers: auth(token) })).status(),
    })
  },
})

/** A name no earlier test (or repeat) in this worker used: they all share the worker's emulator. */
export function uniqueName(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
}

/** The table row of the token with this name. */
export function tokenRow(page: Page, name: string | RegExp) {
  return page.getByRole('row', { name })
}

/**
 * The tokens page sorted by creation, newest first. The list is virtualised (only rows near the
 * view are drawn) and a never-used token sorts last by default, so a test looking for a token it
 * has just created opens this view, where that token is the first row.
 */
export async function showNewestFirst(page: Page): Promise<void> {
  await page.goto('/tokens?sort=created')
  await expect(page.getByRole('grid')).toBeVisible()
}

/**
 * Signs in through the sign-in page, with the demo token or a given secret, then moves the pointer
 * off the page: resting where Sign in was, it would hover whatever row lands there (a name cut
 * short shows its tooltip), and Radix shows one tooltip at a time.
 */
export async function signIn(page: Page, token?: string): Promise<void> {
  await page.goto('/sign-in')
  if (token) {
    await page.getByLabel('Personal API token').fill(token)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  } else {
    await page.getByRole('button', { name: 'Use the demo token' }).click()
  }
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
  await page.mouse.move(0, 0)
}

/** Signs out through the session menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: /signed in with/ })
    .click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
}

export { expect }

/**
 * The same fixtures on a serve command and emulator of the test's own (`ownServe`), for a test that
 * changes the demo account's seeded tokens or reads what the serve command prints.
 */
export const testOnOwnServe = test.extend<{ ownServe: ServeInstance }>({
  ownServe: async ({}, use) => {
    const serve = await startServe()
    try {
      await use(serve)
    } finally {
      await serve.stop()
    }
  },
  baseURL: async ({ ownServe }, use) => {
    await use(ownServe.url)
  },
})

/** The demo account's tokens on a serve command of a test's own (`ownServe`), from its API. */
export async function listOwnServeTokens(
  request: APIRequestContext,
  serve: ServeInstance,
): Promise<WireToken[]> {
  const response = await request.get(`${serve.url}/api/public/v1/tokens`, {
    headers: { Authorization: `Bearer ${serve.demoToken}` },
  })
  expect(response.status()).toBe(200)
  return ((await response.json()) as { tokens: WireToken[] }).tokens
}

/** The browser's first DELETE of token `id` is answered 500 with `requestId`; later ones go through. */
export async function failFirstRevoke(page: Page, id: string, requestId: string): Promise<void> {
  let failures = 0
  await page.route(`**/api/public/v1/tokens/${id}`, async (route) => {
    if (route.request().method() !== 'DELETE' || failures > 0) return route.fallback()
    failures += 1
    await route.fulfill({
      status: 500,
      json: { error: 'Database unavailable', code: 'INTERNAL', requestId },
    })
  })
}
