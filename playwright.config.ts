import { defineConfig, devices } from '@playwright/test'
import { chromiumArgs, findSystemChromium } from './e2e/chromium.ts'

// The headless shell when installed (Playwright's own choice for headless runs; e2e/chromium.ts).
const executablePath = findSystemChromium({ headlessShell: true })

export default defineConfig({
  testDir: './e2e',
  // Builds dist/ once. Each worker then starts its own serve command and emulator on a free port
  // and a fresh in-memory db (the `serve` fixture in e2e/fixtures.ts), which sets `baseURL`.
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // A journey signs in and drives a few dialogs; on a busy two-core machine a click can take
  // seconds, and 30 s was not enough (this is a budget, not a measurement).
  timeout: 60_000,
  expect: { timeout: 7_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs() },
      },
    },
  ],
})
