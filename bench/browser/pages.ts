// The two pages the browser bench loads, and every selector it uses in the console: one place to
// update when the console's markup changes.
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { PUBLIC_API_BASE } from '../../server/emulator/emulator.ts'
import { BENCH_PAGES_PATH } from '../../server/serve/serve-app.ts'

export type PageKind = 'console' | 'baseline'
export const PAGE_KINDS: readonly PageKind[] = ['console', 'baseline']

/** The console's all-tokens view, and the baseline page (served by `--bench-pages`). */
export const PAGE_PATHS: Readonly<Record<PageKind, string>> = {
  console: '/tokens?status=all',
  baseline: `${BENCH_PAGES_PATH}/`,
}

/** The directory the serve command is given as `--bench-pages`. */
export const BASELINE_DIR = join(import.meta.dirname, 'baseline')
/** Installed in every page before its own scripts (see the file). */
export const PROBE_SCRIPT = join(import.meta.dirname, 'paint-probe.js')

/** The requests counted on load (the console should make each exactly once). */
export const API_PATHS = {
  tokens: `${PUBLIC_API_BASE}/tokens`,
  me: `${PUBLIC_API_BASE}/auth/me`,
} as const

/**
 * A letter typed into the empty search: `--seed N` names are "<purpose> (<owner>) #<i>", and only
 * the "Zapier" purpose (and some previews) holds a "z", so it narrows 10,000 rows to about a tenth.
 */
const SEARCH_LETTER = 'z'

const consoleUi = {
  search: (page: Page): Locator => page.getByRole('searchbox', { name: 'Search tokens' }),
  /** The Name column's sort button; the fallback finds a button named exactly "Name" anywhere. */
  nameSort: (page: Page): Locator =>
    page
      .getByRole('columnheader', { name: 'Name', exact: true })
      .getByRole('button')
      .or(page.getByRole('button', { name: 'Name', exact: true }))
      .first(),
  status: (page: Page): Locator => page.getByLabel('Status', { exact: true }),
  statusOption: (page: Page, label: string): Locator =>
    page.getByRole('option', { name: label, exact: true }),
}

export type InteractionName = 'keystroke' | 'backspace' | 'sort' | 'statusRevoked' | 'statusAll'

export interface Interaction {
  name: InteractionName
  label: string
  /**
   * Untimed preparation (focus a field, open a list); returns the timed action. The probe is armed
   * between the two and times from the action's first input event.
   */
  prepare: (page: Page) => Promise<() => Promise<void>>
}

/** The status filter: a native select today (selectOption), or a listbox (click, then option). */
function chooseStatus(value: string, label: string): Interaction['prepare'] {
  return async (page) => {
    const field = consoleUi.status(page)
    if ((await field.evaluate((element) => element.tagName)) === 'SELECT') {
      return async () => void (await field.selectOption(value))
    }
    await field.click()
    return () => consoleUi.statusOption(page, label).click()
  }
}

/** Run in this order, once per load of the console at the largest size. */
export const INTERACTIONS: readonly Interaction[] = [
  {
    name: 'keystroke',
    label: `keystroke in search ("${SEARCH_LETTER}")`,
    prepare: async (page) => {
      await consoleUi.search(page).focus()
      return () => page.keyboard.press(SEARCH_LETTER)
    },
  },
  {
    name: 'backspace',
    label: 'Backspace in search (back to all rows)',
    prepare: async (page) => {
      await consoleUi.search(page).focus()
      return () => page.keyboard.press('Backspace')
    },
  },
  {
    name: 'sort',
    label: 'click on the Name sort header',
    prepare: (page) => Promise.resolve(() => consoleUi.nameSort(page).click()),
  },
  {
    name: 'statusRevoked',
    label: 'status filter All → Revoked',
    prepare: chooseStatus('revoked', 'Revoked'),
  },
  {
    name: 'statusAll',
    label: 'status filter Revoked → All',
    prepare: chooseStatus('all', 'All tokens'),
  },
]
