// Secret hygiene, end to end: one session that touches every page and action while recording
// everything the browser lets out or keeps, and the serve command's output, then searches all of it
// for every secret involved. A token goes once, in the body of a sign-in to the serve command,
// which keeps it in a sealed HttpOnly cookie (docs/session.md): nowhere else, and the page never
// holds it again. The journey revokes a seeded token and rotates another, so it runs on a serve
// command of its own, whose output it also reads.
import { randomBytes, randomInt } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { expect, signIn, signOut, testOnOwnServe as test, tokenRow } from './fixtures.ts'
import { reactStateOf, recordPage, snapshotPage } from './page-recorder.ts'
import { findLeaks, tallyPlaces, type Place, type Secret } from './secret-search.ts'
import { bidiIsolate } from '../src/lib/text/bidi-isolate.ts'

const TOKEN_SHAPE = /^ot_pat_[0-9a-f]{12}_[A-Za-z0-9]{32}$/
const CREATED_NAME = 'Hygiene check'
const ROTATED = 'Legacy Zapier integration'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A token of the emulator's shape (D11) that no server issued: a sign-in that must fail. */
function strangerToken(): string {
  const secret = Array.from({ length: 32 }, () => BASE62[randomInt(BASE62.length)]).join('')
  return `ot_pat_${randomBytes(6).toString('hex')}_${secret}`
}

/** The masked preview the API shows for a token (D11). */
function previewOf(token: string): string {
  return `${token.slice(0, 11)}********${token.slice(-4)}`
}

/** Pastes `text` into `field` through the clipboard, as a person would (Ctrl+V). */
async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await field.focus()
  await page.keyboard.press('ControlOrMeta+V')
}

function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText())
}

/** Picks an Export format and returns the content of the file the browser saved. */
async function exportAs(page: Page, format: 'CSV' | 'JSON'): Promise<string> {
  await page.getByRole('button', { name: 'Export' }).click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: new RegExp(`^${format},`) }).click(),
  ])
  return readFile(await download.path(), 'utf8')
}

async function submitSignIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

const tokensHeading = (page: Page) => page.getByRole('heading', { name: 'Personal API tokens' })

test('no secret reaches an address, a request other than its sign-in, the console, storage, cookies, React, the DOM, an export or the server log', async ({
  page,
  context,
  request,
  ownServe,
}) => {
  test.slow() // every page and action in one journey
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const recording = recordPage(page)
  const places: Place[] = []
  const { demoToken } = ownServe
  const stranger = strangerToken()
  // Every secret of the journey, added as it appears; failures name them by label, never by value.
  const secrets: Secret[] = [
    { label: 'the demo token', value: demoToken },
    { label: 'the refused token', value: stranger },
  ]
  /** Records what the page holds now: storage, cookies, the DOM… (searched at the end). */
  const checkpoint = async (label: string) => {
    places.push(...(await snapshotPage(page, context, label)))
  }
  /** React's state too: what a component, a hook or a context still keeps. */
  const checkReactState = async (label: string) => {
    places.push({ where: `${label}: React's state`, text: await reactStateOf(page) })
  }
  const field = page.getByLabel('Personal API token')

  // A well-formed token the API refuses: the error on screen does not repeat it.
  await page.goto('/sign-in')
  await field.fill(stranger)
  await submitSignIn(page)
  const refusal = page.getByRole('alert')
  await expect(refusal).toContainText('unknown, revoked or expired')
  places.push({ where: 'the failed sign-in’s error', text: (await refusal.textContent()) ?? '' })
  // The field keeps what was typed, to be corrected, in its value only: never in the DOM's
  // `value` attribute (the field is uncontrolled). Cleared, nothing else on the page may hold it.
  await expect(field).toHaveValue(stranger)
  expect(await field.getAttribute('value')).toBeNull()
  await field.clear()
  await checkpoint('the refused sign-in')

  // Signed in, the serve command holds the token: the page, and React, hold none of it.
  await paste(page, field, demoToken)
  await submitSignIn(page)
  await expect(tokensHeading(page)).toBeVisible()
  await checkpoint('signed in with the demo token')
  await checkReactState('signed in with the demo token')
  // A reload keeps the session (the cookie): its first requests (src/early-requests.ts) need none.
  await page.reload()
  await expect(tokenRow(page, /This session/)).toBeVisible()
  await checkpoint('reloaded')

  // Search: a word, a pasted secret (becomes its preview), a secret typed key by key (cut short).
  const search = page.getByRole('searchbox')
  await search.fill('zapier')
  await expect(page).toHaveURL(/q=zapier/)
  await expect(tokenRow(page, new RegExp(ROTATED))).toBeVisible()
  await search.fill('')
  await paste(page, search, demoToken)
  await expect(search).toHaveValue(previewOf(demoToken))
  await expect(tokenRow(page, /This session/)).toBeVisible()
  await search.fill('')
  await search.pressSequentially(demoToken)
  await expect(search).toHaveValue(demoToken.slice(0, 11))
  await search.fill('')
  await checkpoint('after searching')

  // Filters and sort, each kept in the URL.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('all')
  await expect(page).toHaveURL(/status=all/)
  await page.getByRole('button', { name: /^Show \d+ stale tokens?$/ }).click()
  await expect(page).toHaveURL(/status=stale/)
  await page.getByRole('button', { name: /^Never: show \d/ }).click()
  await expect(page).toHaveURL(/used=never/)
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('created:desc')
  await expect(page).toHaveURL(/sort=created/)
  await page.getByRole('button', { name: 'Name', exact: true }).click()
  await expect(page).toHaveURL(/sort=name/)
  await checkpoint('after filtering and sorting')

  // The details of the session's own token, with its ID and preview copied.
  await page.goto('/tokens')
  await tokenRow(page, /This session/)
    .getByRole('button', { name: 'Demo token', exact: true })
    .click()
  const drawer = page.getByRole('dialog', { name: 'Demo token' })
  await drawer.getByRole('button', { name: 'Copy the token ID' }).click()
  await expect(drawer.getByRole('button', { name: 'Copy the token ID' })).toHaveText('Copied')
  await drawer.getByRole('button', { name: 'Copy the preview' }).click()
  // Compared, not printed: had the copy failed, the clipboard would still hold the pasted token.
  expect((await readClipboard(page)) === previewOf(demoToken), 'the preview copied').toBe(true)
  await expect(page).toHaveURL(/details=tok_/)
  await checkpoint('the details drawer')
  await drawer.getByRole('button', { name: 'Close token details' }).click()
  await expect(drawer).toBeHidden()

  // A new token: its secret is shown once, hidden, and copied.
  await page.getByRole('button', { name: 'New token' }).click()
  const form = page.getByRole('dialog', { name: 'New personal API token' })
  await form.getByLabel('Name').fill(CREATED_NAME)
  await form.getByRole('button', { name: 'All read scopes' }).click()
  await form.getByRole('button', { name: 'Create token' }).click()
  const panel = page.getByRole('dialog', { name: 'Copy your new token' })
  await expect(panel.getByLabel('The new token, hidden')).toBeVisible()
  await checkpoint('the new token’s secret on screen, hidden')
  await panel.getByRole('button', { name: 'Copy', exact: true }).click()
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible()
  const createdToken = await readClipboard(page)
  expect(TOKEN_SHAPE.test(createdToken), 'the new token copied').toBe(true)
  secrets.push({ label: 'the created token', value: createdToken })
  await panel.getByRole('button', { name: 'Done' }).click()
  await expect(panel).toBeHidden()
  await checkpoint('after creating a token')

  // Rotating a seeded token: the replacement's secret is shown once and copied; "Later" keeps both.
  await search.fill('Zapier')
  await page.getByRole('button', { name: `Rotate ${ROTATED}`, exact: true }).click()
  const rotation = page.getByRole('dialog', { name: `Rotate “${ROTATED}”` })
  await rotation.getByRole('button', { name: 'Create the replacement' }).click()
  await expect(rotation.getByText(/is created and already works/)).toBeVisible()
  await checkpoint('the replacement’s secret on screen, hidden')
  await rotation.getByRole('button', { name: 'Copy and continue' }).click()
  const replacementToken = await readClipboard(page)
  expect(TOKEN_SHAPE.test(replacementToken), 'the replacement copied').toBe(true)
  secrets.push({ label: 'the rotation’s replacement', value: replacementToken })
  await rotation.getByRole('button', { name: 'Later' }).click()
  await expect(rotation).toBeHidden()
  const replacementMe = await request.get('/api/public/v1/auth/me', {
    headers: { Authorization: `Bearer ${replacementToken}` },
  })
  expect(replacementMe.status(), 'the replacement works').toBe(200)

  // Revoking the rotated token from its row.
  await page.getByRole('button', { name: `Revoke ${ROTATED}`, exact: true }).click()
  const confirm = page.getByRole('alertdialog', { name: `Revoke “${ROTATED}”?` })
  await confirm.getByRole('button', { name: 'Revoke token' }).click()
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Revoked ${bidiIsolate(ROTATED)}. It no longer works.` }),
  ).toBeAttached()
  await checkpoint('after rotating and revoking')

  // Exports of every token, revoked and new ones included.
  await page.goto('/tokens?status=all&sort=created')
  await expect(tokenRow(page, new RegExp(CREATED_NAME))).toBeVisible()
  places.push({ where: 'the CSV export', text: await exportAs(page, 'CSV') })
  places.push({ where: 'the JSON export', text: await exportAs(page, 'JSON') })

  // The access review: a token pasted into a note keeps only its preview, there and in the draft
  // this browser keeps; the draft is then discarded (applying would revoke the unused tokens).
  await page.goto('/review')
  const note = page.getByLabel('Note on Demo token')
  await paste(page, note, createdToken)
  await expect(note).toHaveValue(previewOf(createdToken))
  await expect(page.getByText('That held a token: the note keeps its preview only')).toBeVisible()
  await checkpoint('the access review, a token pasted into a note')
  await page.getByRole('button', { name: 'Discard review' }).click()

  // A page that does not exist.
  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await checkpoint('the 404 page')
  await page.getByRole('link', { name: 'Go to your tokens' }).click()
  await expect(tokensHeading(page)).toBeVisible()

  // Signing out: the serve command clears its cookies.
  await signOut(page)
  await expect(page.getByRole('status').filter({ hasText: 'You signed out' })).toBeVisible()
  await expect(field).toHaveValue('')
  await checkpoint('signed out')
  await checkReactState('signed out')

  // The created token signs in, and only it is kept, until the next sign-out.
  await signIn(page, createdToken)
  await expect(page.getByRole('banner')).toContainText(`signed in with “${CREATED_NAME}”`)
  await checkpoint('signed in with the created token')
  // Besides the session's two, only the browser's time zone (src/lib/ssr/time-zone-cookie.ts).
  expect(
    (await context.cookies()).map((cookie) => cookie.name).sort(),
    'the session cookies while signed in',
  ).toEqual(['ot_session', 'ot_signed_in', 'ot_tz'])
  await signOut(page)
  await expect(page.getByRole('status').filter({ hasText: 'You signed out' })).toBeVisible()
  await expect(field).toHaveValue('')
  await checkpoint('signed out again')
  await checkReactState('signed out again')
  expect(
    (await context.cookies()).map((cookie) => cookie.name),
    'the cookies once signed out',
  ).toEqual(['ot_tz'])

  // The serve command prints the demo token once, in its banner (README: `npm start`); nothing more.
  const { stdout, stderr } = ownServe.output()
  const banner = `demo token: ${demoToken}\n`
  expect(stdout.split(banner).length - 1, 'the banner line in the serve output').toBe(1)
  places.push(
    { where: 'the serve command’s stdout, but its banner line', text: stdout.replace(banner, '') },
    { where: 'the serve command’s stderr', text: stderr },
  )

  // The page signs no request itself. The search finds what it looks for: each token the page
  // signed in with is in a sign-in's body, and the replacement, never signed in with, is not.
  expect(recording.authorizations(), 'Authorization headers the page sent').toEqual([])
  const bodies = [{ where: 'sign-in bodies', text: recording.signIns().join('\n') }]
  const signedWith = findLeaks(bodies, secrets).map((hit) => hit.replace(/:.*/, ''))
  expect(signedWith).toEqual([
    'sign-in bodies ← the demo token',
    'sign-in bodies ← the refused token',
    'sign-in bodies ← the created token',
  ])

  const searched = [...recording.places(), ...places]
  await test.info().attach('places searched, by kind', {
    body: JSON.stringify(tallyPlaces(searched), null, 2),
    contentType: 'application/json',
  })
  expect(
    findLeaks(searched, secrets),
    `where a secret was found in ${searched.length} places`,
  ).toEqual([])
})
