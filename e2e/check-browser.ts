// Runs before the e2e suite: says exactly what to install when no usable Chromium is found.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { findSystemChromium } from './chromium.ts'

const system = findSystemChromium({ headlessShell: true })
if (system !== undefined && !existsSync(system)) {
  console.error(`CHROMIUM_PATH points at ${system}, which does not exist.`)
  process.exit(1)
}
if (system === undefined && !existsSync(chromium.executablePath())) {
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      'Install one of:',
      '  - Debian/Ubuntu:  sudo apt-get install -y chromium-headless-shell chromium',
      '    (npm test finds the headless shell, the faster one for tests, then /usr/bin/chromium)',
      "  - Playwright's own browser:  npx playwright install chromium",
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  )
  process.exit(1)
}
