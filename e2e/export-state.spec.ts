// Exports of the demo account as seeded, its stale tokens untouched by any other test: on a serve
// command and emulator of its own.
import { exportAs } from './export-file.ts'
import { expect, signIn, testOnOwnServe as test, tokenRow } from './fixtures.ts'

test('exports carry the state the table shows, stale included; JSON has scope arrays and nulls', async ({
  page,
}) => {
  await signIn(page)
  // The table badges it stale…
  await page.goto('/tokens?status=all&q=Legacy')
  await expect(tokenRow(page, /Legacy Zapier integration/).getByText('Stale')).toBeVisible()
  // …and the exports of every row in view say so.
  await page.goto('/tokens?status=all')
  await expect(page.getByRole('grid')).toBeVisible()

  const csv = await exportAs(page, 'CSV')
  const zapierLine = csv.text.split('\r\n').find((line) => line.includes(',Legacy Zapier'))
  expect(zapierLine).toContain(',stale,active,messages:read team:read,')

  const json = await exportAs(page, 'JSON')
  const { tokens } = JSON.parse(json.text) as { tokens: Record<string, unknown>[] }
  const byName = (name: string) => tokens.find((token) => token.name === name)
  expect(byName('Legacy Zapier integration')).toMatchObject({
    state: 'stale',
    status: 'active',
    scopes: ['messages:read', 'team:read'],
    expiresAt: null,
    revokedAt: null,
  })
  // Never used, 34 days old: stale too; its absent dates are null, never "".
  expect(byName('Reporting dashboard (read-only)')).toMatchObject({
    state: 'stale',
    lastUsedAt: null,
    organizationId: null,
  })
  expect(byName('CI deploy (GitHub Actions)')).toMatchObject({
    state: 'active',
    scopes: ['jobs:read', 'jobs:write'],
  })
  expect(byName('Old laptop')).toMatchObject({ state: 'revoked' })
  // No value of any token is an empty string.
  expect(tokens.flatMap((token) => Object.values(token)).filter((value) => value === '')).toEqual(
    [],
  )
})
