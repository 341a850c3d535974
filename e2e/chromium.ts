import { existsSync } from 'node:fs'

/** Debian's and other distributions' Chromium, used when Playwright's own browser is not installed. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set, else a system Chromium when present, else
 * `undefined` (Playwright's own download, on machines that have one).
 */
export function findSystemChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH?.trim()
  if (fromEnv) return fromEnv
  return SYSTEM_CHROMIUM.find((path) => existsSync(path))
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
