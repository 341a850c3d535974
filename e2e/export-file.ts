// The toolbar's Export menu, for the export specs.
import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/** Picks an Export format from the toolbar's menu and returns the file the browser saved. */
export async function exportAs(
  page: Page,
  format: 'CSV' | 'JSON',
): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export' }).click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: new RegExp(`^${format},`) }).click(),
  ])
  return {
    name: download.suggestedFilename(),
    text: await readFile(await savedPath(download), 'utf8'),
  }
}

async function savedPath(download: Download): Promise<string> {
  const path = await download.path()
  expect(path).toBeTruthy()
  return path
}
