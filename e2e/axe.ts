import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Runs axe on the page as it is, once its colour transitions have ended: no violations. */
export async function expectAxeClean(page: Page): Promise<void> {
  // The theme's colours fade in over --motion (150 ms): checked mid-fade, a text still in its
  // light colour on a dark background fails contrast. Wait for every finite transition to end.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  )
  // Legacy mode runs axe in the page itself; the default merges results in a new blank page,
  // which cost 1.2 s a run (3 s -> 1.8 s). The console has no cross-origin frames to miss.
  const result = await new AxeBuilder({ page }).setLegacyMode().analyze()
  expect(result.violations).toEqual([])
}

/** Runs axe on the page as it is, in the light theme and then the dark one: no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await expect(page.locator('html')).toHaveCSS('color-scheme', colorScheme)
    await expectAxeClean(page)
  }
}
