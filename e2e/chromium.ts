import { existsSync } from 'node:fs'

/** Debian's and other distributions' Chromium, used when Playwright's own browser is not installed. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']

/**
 * Chromium's headless shell, which Playwright itself runs headless tests in: Debian packages it
 * as chromium-headless-shell. The whole e2e suite took 200 s in it against 264 s in the full
 * browser on a 2-core machine (the renderer does the same work; the full browser's UI does more).
 */
const SYSTEM_HEADLESS_SHELL = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
]

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set, else a system Chromium when present (its
 * headless shell first when `headlessShell`, for the tests), else `undefined` (Playwright's own
 * download, on machines that have one).
 */
export function findSystemChromium({ headlessShell = false } = {}): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH?.trim()
  if (fromEnv) return fromEnv
  const candidates = headlessShell
    ? [...SYSTEM_HEADLESS_SHELL, ...SYSTEM_CHROMIUM]
    : SYSTEM_CHROMIUM
  return candidates.find((path) => existsSync(path))
}

/** Flags for a machine without internet; `--no-sandbox` only where Chromium refuses otherwise (root). */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ]
  if (process.getuid?.() === 0) args.unshift('--no-sandbox')
  return args
}
