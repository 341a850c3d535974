import type { Page, Request } from '@playwright/test'
import { expect, showNewestFirst, signIn, test, tokenRow, uniqueName } from './fixtures.ts'
import { bidiIsolate } from '../src/lib/text/bidi-isolate.ts'

// Every test revokes tokens it created itself, never the demo token that later tests in the same
// worker sign in with. Faults are injected with `page.route` on the browser's DELETE; the emulator
// is real.

function isDelete(request: Request): boolean {
  return request.method() === 'DELETE' && request.url().includes('/api/public/v1/tokens/')
}

/** The next answered DELETE of the token with this id. */
function deleteAnswered(page: Page, id: string) {
  return page.waitForResponse(
    (response) => isDelete(response.request()) && response.url().endsWith(`/tokens/${id}`),
  )
}

/** Records every DELETE the browser sends. */
function watchDeletes(page: Page): Request[] {
  const deletes: Request[] = []
  page.on('request', (request) => {
    if (isDelete(request)) deletes.push(request)
  })
  return deletes
}

test('a confirmed revoke reaches the emulator, and the revoked secret gets 401', async ({
  page,
  demoApi,
}) => {
  const name = uniqueName('E2E read-only')
  // Not used even once before (a call would stamp `lastUsedAt` and bring in the typed-name gate).
  const created = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await signIn(page)
  await showNewestFirst(page)

  const target = tokenRow(page, name)
  await expect(target.getByText('Never used')).toBeVisible()
  await target.getByRole('button', { name: `Revoke ${name}` }).click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toContainText('stops working immediately')
  await expect(dialog).toContainText(created.metadata.preview)
  // Never used and read-only: one click confirms, no name to type.
  await expect(dialog.getByRole('textbox')).toHaveCount(0)
  const deleted = page.waitForResponse((response) => isDelete(response.request()))
  await dialog.getByRole('button', { name: 'Revoke token' }).click()

  expect((await deleted).status()).toBe(200)
  await expect(target.getByText('Revoked', { exact: true })).toBeVisible()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Revoked ${bidiIsolate(name)}. It no longer works.` }),
  ).toBeAttached()
  await expect(target.getByRole('button', { name: /Revoke/ })).toHaveCount(0)

  const stored = (await demoApi.listTokens()).find((token) => token.id === created.metadata.id)
  expect(stored?.status).toBe('revoked')
  expect(stored?.revokedAt).not.toBeNull()
  expect(await demoApi.statusWith(created.token)).toBe(401)
})

test('Cancel and Escape close the dialog and send nothing', async ({ page, demoApi }) => {
  const name = uniqueName('E2E kept')
  const created = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  const deletes = watchDeletes(page)
  await signIn(page)
  await showNewestFirst(page)

  const revokeButton = tokenRow(page, name).getByRole('button', { name: `Revoke ${name}` })
  await revokeButton.click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(revokeButton).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(tokenRow(page, name).getByText('Active', { exact: true })).toBeVisible()

  // Proof that Cancel and Escape sent nothing: a confirmed revoke afterwards is seen, and it is
  // the only DELETE the browser sent. Until it, the emulator still held the token as active.
  const stored = (await demoApi.listTokens()).find((token) => token.id === created.metadata.id)
  expect(stored?.status).toBe('active')
  const deleted = deleteAnswered(page, created.metadata.id)
  await revokeButton.click()
  await dialog.getByRole('button', { name: 'Revoke token' }).click()
  expect((await deleted).status()).toBe(200)
  expect(deletes.map((request) => request.url())).toEqual([(await deleted).url()])
})

test('while the DELETE is held, the row already shows Revoked and Confirming…; then it settles', async ({
  page,
  demoApi,
}) => {
  const name = uniqueName('E2E slow')
  const created = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  // The DELETE waits in `page.route` until the test lets it through.
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let markHeld = () => {}
  const held = new Promise<void>((resolve) => (markHeld = resolve))
  await page.route('**/api/public/v1/tokens/*', async (route) => {
    if (route.request().method() !== 'DELETE') return route.fallback()
    markHeld()
    await released
    return route.continue()
  })
  await signIn(page)
  await showNewestFirst(page)

  const target = tokenRow(page, name)
  await target.getByRole('button', { name: `Revoke ${name}` }).click()
  await page.getByRole('button', { name: 'Revoke token' }).click()
  await held

  // Optimistic: the server has not even received the DELETE, and the row already reads revoked.
  await expect(target.getByText('Revoked', { exact: true })).toBeVisible()
  await expect(target.getByText('Confirming…')).toBeVisible()
  expect(await demoApi.statusWith(created.token)).toBe(200)

  const deleted = deleteAnswered(page, created.metadata.id)
  release()
  expect((await deleted).status()).toBe(200)
  await expect(target.getByText('Confirming…')).toHaveCount(0)
  await expect(target.getByText('Revoked', { exact: true })).toBeVisible()
  expect(await demoApi.statusWith(created.token)).toBe(401)
})

test('a 500 rolls the row back and keeps why on the row, with a copyable request id, until Try again', async ({
  page,
  context,
  demoApi,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const name = uniqueName('E2E failing')
  const created = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await page.route('**/api/public/v1/tokens/*', (route) =>
    route.request().method() === 'DELETE'
      ? route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            error: 'Injected failure',
            code: 'INTERNAL_ERROR',
            requestId: 'req_e2e_injected_500',
          }),
        })
      : route.fallback(),
  )
  await signIn(page)
  await showNewestFirst(page)

  const target = tokenRow(page, name)
  await target.getByRole('button', { name: `Revoke ${name}` }).click()
  await page.getByRole('button', { name: 'Revoke token' }).click()

  const note = target.getByRole('group', { name: `Revoke of ${name} failed` })
  await expect(note).toContainText(
    `OpenTrain could not revoke “${bidiIsolate(name)}”: it still works`,
  )
  await expect(note).toContainText('Server said: Injected failure.')
  await expect(note).toContainText('req_e2e_injected_500')
  await expect(target.getByText('Active', { exact: true })).toBeVisible()
  expect(await demoApi.statusWith(created.token)).toBe(200)

  await note.getByRole('button', { name: 'Copy the request ID' }).click()
  await expect(note.getByRole('button', { name: 'Copy the request ID' })).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('req_e2e_injected_500')
  // "Copied" goes back to "Copy"; the note itself stays (nothing times it out).
  await expect(note.getByRole('button', { name: 'Copy the request ID' })).toHaveText('Copy')
  await expect(note).toBeVisible()

  // With the fault gone, Try again revokes at once, with no second confirmation.
  await page.unrouteAll()
  const deleted = deleteAnswered(page, created.metadata.id)
  await note.getByRole('button', { name: 'Try again' }).click()
  expect((await deleted).status()).toBe(200)
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await expect(target.getByText('Confirming…')).toHaveCount(0)
  await expect(target.getByText('Revoked', { exact: true })).toBeVisible()
  await expect(note).toHaveCount(0)
  expect(await demoApi.statusWith(created.token)).toBe(401)
})

test('a recently used token that can write needs its full name typed before it can be revoked', async ({
  page,
  demoApi,
}) => {
  const name = uniqueName('E2E writer')
  const created = await demoApi.createToken({ name, scopes: ['jobs:read', 'jobs:write'] })
  // Used a moment ago, and able to write: both reasons to ask for the name.
  expect(await demoApi.statusWith(created.token)).toBe(200)
  const deletes = watchDeletes(page)
  await signIn(page)
  await showNewestFirst(page)

  await tokenRow(page, name)
    .getByRole('button', { name: `Revoke ${name}` })
    .click()
  const dialog = page.getByRole('alertdialog')
  const confirm = dialog.getByRole('button', { name: 'Revoke token' })
  const field = dialog.getByRole('textbox', { name: `Type ${name} to confirm` })
  await expect(dialog).toContainText(
    'Asked because it was used in the last 24 hours and it can change data',
  )
  await expect(confirm).toBeDisabled()

  // Enter with the name one letter short: the dialog stays open with what was typed.
  await field.fill(name.slice(0, -1))
  await expect(confirm).toBeDisabled()
  await field.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(field).toHaveValue(name.slice(0, -1))

  const deleted = deleteAnswered(page, created.metadata.id)
  await field.fill(name)
  await expect(confirm).toBeEnabled()
  await field.press('Enter')
  expect((await deleted).status()).toBe(200)
  await expect(tokenRow(page, name).getByText('Revoked', { exact: true })).toBeVisible()
  await expect(tokenRow(page, name).getByText('Confirming…')).toHaveCount(0)
  // The DELETE that the full name sent is the only one: the short name sent none.
  expect(deletes.map((request) => request.url())).toEqual([(await deleted).url()])
})

test('revoking the token this console is signed in with signs out and never uses it again', async ({
  page,
  demoApi,
}) => {
  const name = uniqueName('E2E session')
  const created = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  const secret = created.token
  // Every request the browser sends, with its headers (the cookie ones need allHeaders()).
  const sent: { request: string; headers: Promise<Record<string, string>> }[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    sent.push({ request: `${request.method()} ${pathname}`, headers: request.allHeaders() })
  })
  await signIn(page, secret)
  // The session's sealed cookie, which the serve command turns into the secret.
  const sessionCookie = (await page.context().cookies()).find(
    (cookie) => cookie.name === 'ot_session',
  )?.value
  expect(sessionCookie, 'the session cookie').toBeTruthy()
  /** The requests sent in this token's session, in the order the browser sent them. */
  const sentWithSecret = async () => {
    const cookies = await Promise.all(sent.map(async ({ headers }) => (await headers).cookie ?? ''))
    return sent
      .filter((_, index) => sessionCookie && cookies[index]?.includes(sessionCookie))
      .map(({ request }) => request)
  }

  const target = tokenRow(page, name)
  await expect(target.getByText('This session')).toBeVisible()
  await target.getByRole('button', { name: `Revoke ${name}` }).click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog.getByRole('note')).toContainText('This is the token you are signed in with.')
  await expect(dialog.getByRole('note')).toContainText('signs you out of this console at once')
  // Even a never-used, read-only session token needs its name typed.
  const confirm = dialog.getByRole('button', { name: 'Revoke token' })
  await expect(confirm).toBeDisabled()
  await dialog.getByRole('textbox').fill(name)

  const deleted = deleteAnswered(page, created.metadata.id)
  await confirm.click()
  expect((await deleted).status()).toBe(200)

  await expect(page).toHaveURL(/\/sign-in/)
  await expect(
    page.getByText(/You revoked the token this console was signed in with/),
  ).toBeVisible()
  await expect(page.getByLabel('Personal API token')).toHaveValue('')
  expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain(secret)

  // Something that must NOT happen needs a later event to wait for: sign in again in the same page
  // (no reload) and wait for the list the app fetches with the new token. A stray refetch or
  // `/auth/me` with the revoked secret would have been sent before that.
  const listedWithDemoToken = page.waitForResponse(
    (response) =>
      response.request().method() === 'GET' &&
      new URL(response.url()).pathname === '/api/public/v1/tokens',
  )
  await page.getByRole('button', { name: 'Use the demo token' }).click()
  expect((await listedWithDemoToken).status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'Personal API tokens' })).toBeVisible()
  const withSecret = await sentWithSecret()
  expect(withSecret).toContain('GET /api/public/v1/tokens')
  expect(withSecret.at(-1)).toBe(`DELETE /api/public/v1/tokens/${created.metadata.id}`)
  expect(withSecret.filter((request) => request.startsWith('DELETE'))).toHaveLength(1)

  expect(await demoApi.statusWith(secret)).toBe(401)
  const stored = (await demoApi.listTokens()).find((token) => token.id === created.metadata.id)
  expect(stored?.status).toBe('revoked')
})
