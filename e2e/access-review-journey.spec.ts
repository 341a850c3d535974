// The access review's whole journey (issue 22) against the emulator: decide every token of the
// demo account, apply (one revoke fails and is retried), rotate from the follow-up list, then check
// the emulator and the downloaded record. It revokes seeded tokens: a serve command of its own.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe.ts'
import {
  expect,
  failFirstRevoke,
  listOwnServeTokens,
  signIn,
  testOnOwnServe as test,
} from './fixtures.ts'

const DAY_MS = 86_400_000

interface RecordFile {
  startedAt: string
  appliedAt: string
  reviewer: { tokenId: string; tokenName: string; accountId: string }
  tokens: { id: string; note: string; outcome: { kind: string; replacementId?: string } }[]
}

/**
 * Picks a format from the record's "Download record" menu with the keyboard alone (Enter opens it
 * on its first item, JSON; the arrow moves to Markdown); returns the file the browser saved.
 */
async function downloadRecord(page: Page, format: 'JSON' | 'Markdown') {
  await page.getByRole('button', { name: 'Download record' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: 'JSON' })).toBeFocused()
  if (format === 'Markdown') await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: format })).toBeFocused()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ])
  const path = await download.path()
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') }
}

test('decides every token, applies (one failed revoke retried), rotates from the follow-up list, and downloads the record', async ({
  page,
  context,
  request,
  ownServe,
}) => {
  test.slow() // a rotation, two downloads and axe on top of the review
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const before = await listOwnServeTokens(request, ownServe)
  const activeAtStart = before.filter((token) => token.status === 'active')
  const byName = (name: string) => before.find((token) => token.name === name)
  const [reporting, zapier, relay] = [
    'Reporting dashboard (read-only)',
    'Legacy Zapier integration',
    'Webhook relay',
  ].map((name) => byName(name))
  await signIn(page)
  await page.getByRole('link', { name: 'Review access' }).click()

  // Revoke is suggested for the unused tokens (the two named here among them); Webhook relay
  // is rotated; the rest kept, each with one key, from the first undecided on.
  const suggested = activeAtStart.filter(
    (token) => token.lastUsedAt === null || Date.now() - Date.parse(token.lastUsedAt) > 90 * DAY_MS,
  )
  expect(suggested.map((token) => token.id)).toEqual(
    expect.arrayContaining([reporting?.id, zapier?.id]),
  )
  for (const token of suggested) {
    await expect(
      page.getByRole('group', { name: token.name }).getByRole('radio', { name: /^Revoke/ }),
    ).toBeChecked()
  }
  await page
    .getByRole('group', { name: relay?.name })
    .getByRole('radio', { name: 'Rotate' })
    .check()
  await page
    .getByLabel(`Note on ${zapier?.name}`)
    .fill('Zapier replaced by the webhook relay in 2025')
  await page.getByRole('checkbox', { name: 'Show only undecided' }).check()
  const undecided = page.getByRole('list', { name: 'Tokens to review' }).getByRole('group')
  await undecided.first().getByRole('radio', { name: 'Keep' }).focus()
  while ((await undecided.count()) > 0) await page.keyboard.press('k')
  await expect(page.getByText('Every token has a decision.')).toBeVisible()
  await expect(page.getByText(/^(\d+) of \1 decided$/)).toBeVisible()

  // The emulator's first answer to revoking Legacy Zapier is a 500.
  await failFirstRevoke(page, zapier?.id ?? '', 'req_e2e_review')
  await page.getByRole('button', { name: 'Apply decisions…' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Apply the review’s decisions?' })
  const kept = activeAtStart.length - suggested.length - 1
  await expect(dialog.getByRole('list', { name: 'Decisions' })).toHaveText(
    `Keep ${kept}Rotate 1Revoke ${suggested.length}`,
  )
  await expect(dialog).toContainText('0 used in the last 24 hours')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Apply decisions' }).click()
  const results = page.getByRole('alertdialog', { name: 'Access review: revokes' })
  const revokes = suggested.length
  await expect(results.getByText(`${revokes - 1} revoked, 0 already gone, 1 failed.`)).toBeVisible()
  await expect(results).toContainText('req_e2e_review')
  await results.getByRole('button', { name: 'Retry 1 failed' }).click()
  await expect(results.getByText(`${revokes} revoked, 0 already gone, 0 failed.`)).toBeVisible()
  await results.getByRole('button', { name: 'Close' }).click()

  // The record: every outcome, and the rotation still to do.
  await expect(page).toHaveURL(/view=record/)
  await expect(page.getByRole('heading', { name: 'Access review record' })).toBeVisible()
  const recordTable = page.getByRole('table', { name: 'Every token in the review' })
  await expect(recordTable.getByRole('row')).toHaveCount(activeAtStart.length + 1)
  await expect(recordTable.getByRole('row', { name: new RegExp(relay?.name ?? '') })).toContainText(
    'Rotation pending',
  )
  await expectNoAxeViolations(page)
  const rotations = page.getByRole('region', { name: 'To rotate' })
  await rotations.getByRole('button', { name: `Rotate “${relay?.name}”…` }).click()
  const rotate = page.getByRole('dialog', { name: `Rotate “${relay?.name}”` })
  await rotate.getByRole('button', { name: 'Create the replacement' }).click()
  await expect(rotate.getByText(/is created and already works/)).toBeVisible()
  await rotate.getByRole('button', { name: 'Copy and continue' }).click()
  const secret = await page.evaluate(() => navigator.clipboard.readText())
  await rotate.getByRole('button', { name: 'Revoke the old token…' }).click()
  const confirm = page.getByRole('alertdialog', { name: new RegExp(`Revoke “${relay?.name}”`) })
  // It can change data (a webhook scope): its name is typed to confirm.
  await confirm
    .getByRole('textbox', { name: `Type ${relay?.name} to confirm` })
    .fill(relay?.name ?? '')
  await confirm.getByRole('button', { name: /^Revoke/ }).click()
  await expect(confirm).toBeHidden()
  await expect(rotations).toContainText('1 of 1 rotated')
  await expect(rotations.getByText(/Rotated: replaced by tok_/)).toBeVisible()

  // The emulator holds what the review decided.
  const after = await listOwnServeTokens(request, ownServe)
  const status = (id?: string) => after.find((token) => token.id === id)?.status
  for (const token of suggested) expect(status(token.id)).toBe('revoked')
  expect(status(relay?.id)).toBe('revoked')
  const replacement = after.find((token) => token.name.startsWith(`${relay?.name} (replaces`))
  expect(replacement?.status).toBe('active')
  const untouched = activeAtStart.filter(
    (token) => token.id !== relay?.id && !suggested.includes(token),
  )
  for (const token of untouched) expect(status(token.id)).toBe('active')

  // The record, as downloaded: every token active at the start, each outcome, no secret.
  const json = await downloadRecord(page, 'JSON')
  expect(json.name).toMatch(/^access-review-\d{4}-\d{2}-\d{2}\.json$/)
  expect(json.text).not.toContain(secret)
  const record = JSON.parse(json.text) as RecordFile
  expect(record.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  expect(record.appliedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  expect(record.reviewer.tokenName).toBe('Demo token')
  expect(record.tokens.map((token) => token.id).sort()).toEqual(
    activeAtStart.map((token) => token.id).sort(),
  )
  const outcome = (id?: string) => record.tokens.find((token) => token.id === id)?.outcome
  for (const token of suggested) expect(outcome(token.id)?.kind).toBe('revoked')
  expect(outcome(relay?.id)).toMatchObject({
    kind: 'rotated',
    replacementId: replacement?.id,
  })
  expect(record.tokens.find((token) => token.id === zapier?.id)?.note).toBe(
    'Zapier replaced by the webhook relay in 2025',
  )
  for (const token of untouched) expect(outcome(token.id)?.kind).toBe('kept')
  const markdown = await downloadRecord(page, 'Markdown')
  expect(markdown.name).toMatch(/^access-review-\d{4}-\d{2}-\d{2}\.md$/)
  expect(markdown.text).toContain('# Access review record')
  expect(markdown.text).toContain(`Rotated: replaced by ${replacement?.id.replaceAll('_', '\\_')}`)
  expect(markdown.text).not.toContain(secret)

  // Printed from the browser: the record alone, without the header or the buttons.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Download record' })).toBeHidden()
  await expect(page.getByRole('table', { name: 'Every token in the review' })).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  // The tokens page says when, and links back to the record.
  await page.getByRole('link', { name: 'Back to tokens' }).click()
  await expect(page.getByText(/^Last access review: .*, today\./)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'View record' }).click()
  await expect(page.getByRole('heading', { name: 'Access review record' })).toBeVisible()
  // The record, ticked rotation and all, in the dark theme and on a phone.
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await page.setViewportSize({ width: 375, height: 800 })
  await expectNoAxeViolations(page)
})
