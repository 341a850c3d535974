import { exportAs } from './export-file.ts'
import { expect, signIn, test, uniqueName } from './fixtures.ts'

test('exports the rows in view as CSV and JSON: metadata only, dated, formulas defused', async ({
  page,
  demoApi,
}) => {
  const name = uniqueName('=SUM(1,2)')
  await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await signIn(page)
  await page.goto('/tokens?status=all')
  const grid = page.getByRole('grid')
  await expect(grid).toBeVisible()
  const rows = Number(await grid.getAttribute('aria-rowcount')) - 1

  const csv = await exportAs(page, 'CSV')
  expect(csv.name).toMatch(/^opentrain-tokens-\d{4}-\d{2}-\d{2}\.csv$/)
  // A short confirmation names the file saved.
  await expect(page.getByText(`Saved as ${csv.name}.`)).toBeVisible()
  const lines = csv.text.trimEnd().split('\r\n')
  expect(lines[0]).toBe(
    'id,name,preview,state,status,scopes,organizationId,createdAt,lastUsedAt,expiresAt,revokedAt',
  )
  expect(lines).toHaveLength(rows + 1)
  // A name a spreadsheet would run as a formula is quoted and starts with an apostrophe.
  expect(lines.some((line) => line.includes(`,"'${name}",`))).toBe(true)
  // Metadata only: no secret, neither the session's nor any other.
  expect(csv.text).not.toContain(demoApi.demoToken)
  expect(csv.text).not.toMatch(/ot_pat_[0-9a-f]{12}_[A-Za-z0-9]{32}/)

  const json = await exportAs(page, 'JSON')
  expect(json.name).toMatch(/^opentrain-tokens-\d{4}-\d{2}-\d{2}\.json$/)
  await expect(page.getByText(`Saved as ${json.name}.`)).toBeVisible()
  const parsed = JSON.parse(json.text) as { view: { status: string }; tokens: { name: string }[] }
  expect(parsed.view.status).toBe('all')
  expect(parsed.tokens).toHaveLength(rows)
  expect(parsed.tokens.map((token) => token.name)).toContain(name)
  expect(json.text).not.toContain(demoApi.demoToken)

  // The view decides what is exported: the revoked ones alone.
  await page.getByLabel('Status').selectOption('revoked')
  await expect(page.getByText(/^Showing \d+ of/)).toBeVisible()
  const revokedRows = Number(await grid.getAttribute('aria-rowcount')) - 1
  const revoked = await exportAs(page, 'CSV')
  expect(revoked.text.trimEnd().split('\r\n')).toHaveLength(revokedRows + 1)
  expect(
    revoked.text
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .every((line) => line.includes(',revoked,')),
  ).toBe(true)
})
