// Names cut short in the list (issue 19, point 5): two replacements of one long name stay apart by
// their "(replaces …)" marker, shown whole, at a desktop's and a phone's width; a name cut short
// shows whole in a tooltip on hover and on keyboard focus.
import type { Locator, Page } from '@playwright/test'
import { expect, signIn, test, tokenRow, uniqueName } from './fixtures.ts'

const MARKERS = ['(replaces ot_pat_1111********aaaa)', '(replaces ot_pat_2222********bbbb)']

/** What of the name button can be seen: its base cut short or not, and its marker whole or not. */
function measure(button: Locator) {
  return button.evaluate((element) => {
    const [base, marker] = Array.from(element.children)
    const box = element.getBoundingClientRect()
    const markerBox = marker?.getBoundingClientRect()
    return {
      // Cut short, yet still showing a part of the name (not squeezed away by the marker).
      baseCut: base ? base.scrollWidth > base.clientWidth && base.clientWidth >= 40 : false,
      markerText: marker?.textContent?.trim() ?? '',
      markerWhole:
        marker !== undefined &&
        markerBox !== undefined &&
        markerBox.width > 0 &&
        marker.scrollWidth <= marker.clientWidth + 1 &&
        markerBox.left >= box.left - 1 &&
        markerBox.right <= box.right + 1 &&
        markerBox.bottom <= box.bottom + 1,
    }
  })
}

async function twoReplacements(
  page: Page,
  demoApi: { createToken: (body: Record<string, unknown>) => Promise<unknown> },
) {
  const base = uniqueName('Webhook relay for the nightly billing export and the partner sync')
  const names = MARKERS.map((marker) => `${base} ${marker}`)
  for (const name of names) await demoApi.createToken({ name, scopes: ['jobs:read'] })
  await signIn(page)
  return { base, names }
}

for (const width of [1440, 375]) {
  test(`two replacements of one long name differ by their marker at ${width} px`, async ({
    page,
    demoApi,
  }) => {
    await page.setViewportSize({ width, height: 900 })
    const { base, names } = await twoReplacements(page, demoApi)
    await page.goto(`/tokens?q=${encodeURIComponent(base)}`)

    const seen: string[] = []
    for (const name of names) {
      const button = tokenRow(page, name).getByRole('button', { name, exact: true })
      await expect(button).toBeVisible()
      const shown = await measure(button)
      expect(shown.baseCut, `${name} is cut short at ${width} px, not hidden`).toBe(true)
      expect(shown.markerWhole, `the marker of ${name} is shown whole`).toBe(true)
      seen.push(shown.markerText)
    }
    expect(seen).toEqual(MARKERS)
  })
}

test('a name cut short shows whole on hover and on keyboard focus', async ({ page, demoApi }) => {
  await page.setViewportSize({ width: 375, height: 900 })
  const { base, names } = await twoReplacements(page, demoApi)
  await page.goto(`/tokens?q=${encodeURIComponent(base)}`)
  const [first = '', second = ''] = names

  await tokenRow(page, first).getByRole('button', { name: first, exact: true }).hover()
  await expect(page.getByRole('tooltip')).toHaveText(first)

  await page.mouse.move(0, 0)
  await expect(page.getByRole('tooltip')).toBeHidden()
  await tokenRow(page, second).getByRole('button', { name: second, exact: true }).focus()
  await expect(page.getByRole('tooltip')).toHaveText(second)
  await expect(
    tokenRow(page, second).getByRole('button', { name: second, exact: true }),
  ).toBeFocused()
})
