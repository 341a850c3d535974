import { defineConfig, devices } from '@playwright/test'
import { chromiumArgs, findSystemChromium } from './e2e/chromium.ts'

const port = Number(process.env.E2E_PORT ?? 4173)
const baseURL = `http://127.0.0.1:${port}`
const executablePath = findSystemChromium()

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
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
  webServer: {
    // The real serve command (builds dist/ when stale), embedded emulator on a fresh in-memory db.
    command: `tsx server/serve-cli.ts --port ${port} --db :memory:`,
    url: `${baseURL}/console-config.json`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
