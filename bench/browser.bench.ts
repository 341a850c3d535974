// The browser part: Chromium against the real serve command (`--seed N`, fresh `:memory:` db), the
// console's all-tokens view side by side with a baseline page served at the same origin by the
// same server (bench/browser/baseline: the same JSON written as one plain table with innerHTML).
import { performance } from 'node:perf_hooks'
import { chromium, type Browser } from '@playwright/test'
import { chromiumArgs, findSystemChromium } from '../e2e/chromium.ts'
import { startServe, type ServeInstance } from '../e2e/serve.ts'
import { runPage, timeRevokeDialog, type RunSample } from './browser/page-run.ts'
import { API_PATHS, BASELINE_DIR, PAGE_KINDS, PAGE_PATHS } from './browser/pages.ts'
import { signInAt } from '../server/serve/session/cookie-header.ts'

export interface BrowserBenchOptions {
  /** `--seed` sizes, each with its own serve command; interactions are timed at the largest. */
  sizes: readonly number[]
  /** Runs of each page per size, interleaved: console, baseline, baseline, console, … */
  runs: number
  /** Per-step budget (see RunOptions.timeoutMs). */
  timeoutMs: number
  log: (line: string) => void
}

export interface SizeResult {
  size: number
  /** Every run, in the order they ran. */
  samples: RunSample[]
  /** `GET /tokens` through the serve proxy, from Node, before the browser loads any page (ms). */
  apiMs: number[]
  /** Per round: navigation start until a click on Revoke opened its dialog (ms; null if failed). */
  revokeDialogMs: (number | null)[]
}

export interface BrowserBenchResult {
  chromium: string
  sizes: SizeResult[]
}

/** Untimed `GET /tokens` before the first timed one: the connection and the server's JIT warm. */
const API_WARMUP = 2
/**
 * Timed `GET /tokens`, one after another, while no page is loading. They used to run between the
 * page rounds, where they met Chromium still tearing down the last context on this 2-core machine
 * and timed that as much as the emulator (a median of ~250 ms against ~115 ms on a quiet machine).
 */
const API_RUNS = 10
/** Server renders of the console page before the browser runs (see warmPageRender). */
const PAGE_WARMUP = 3

/** One `GET /tokens` through the serve proxy, body read in full: what the console waits for. */
async function timeGetTokens(serve: ServeInstance): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${serve.url}${API_PATHS.tokens}`, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${serve.demoToken}` },
  })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`GET ${API_PATHS.tokens} answered ${response.status}`)
  return Math.round((performance.now() - started) * 100) / 100
}

/**
 * Renders the console page a few times from Node before any browser loads it: a serve command
 * that has been running renders with its code compiled (its first render took 490 ms against
 * 190 ms for the later ones at 10,000 tokens), and the bench times that one.
 */
async function warmPageRender(serve: ServeInstance): Promise<void> {
  const { response: signedIn, cookie } = await signInAt(serve.url, serve.demoToken)
  if (!signedIn.ok) throw new Error(`sign-in for the warm-up answered ${signedIn.status}`)
  for (let i = 0; i < PAGE_WARMUP; i++) {
    const page = await fetch(`${serve.url}${PAGE_PATHS.console}`, { headers: { Cookie: cookie } })
    await page.arrayBuffer()
  }
}

const fmt = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`

function describe(sample: RunSample): string {
  const parts = [`first row ${fmt(sample.firstRowMs)}`]
  const timed = Object.entries(sample.interactions)
  if (timed.length > 0) parts.push(timed.map(([name, ms]) => `${name} ${fmt(ms)}`).join(', '))
  if (sample.error !== undefined) parts.push(`FAILED: ${sample.error}`)
  return parts.join('; ')
}

async function benchSize(
  browser: Browser,
  size: number,
  withInteractions: boolean,
  { runs, timeoutMs, log }: BrowserBenchOptions,
): Promise<SizeResult> {
  log(`  serve --seed ${size}…`)
  const serve = await startServe({
    startTimeoutMs: 120_000,
    args: ['--seed', String(size), '--bench-pages', BASELINE_DIR],
  })
  try {
    const result: SizeResult = { size, samples: [], apiMs: [], revokeDialogMs: [] }
    for (let i = 0; i < API_WARMUP; i++) await timeGetTokens(serve)
    for (let i = 0; i < API_RUNS; i++) result.apiMs.push(await timeGetTokens(serve))
    await warmPageRender(serve)
    for (let round = 0; round < runs; round++) {
      // Alternate which page goes first, so neither always meets a freshly idle machine.
      const order = round % 2 === 0 ? PAGE_KINDS : [...PAGE_KINDS].reverse()
      for (const kind of order) {
        const sample = await runPage(browser, {
          kind,
          round,
          origin: serve.url,
          demoToken: serve.demoToken,
          interactions: withInteractions && kind === 'console',
          timeoutMs,
        })
        result.samples.push(sample)
        log(`  ${size} tokens, run ${round + 1}/${runs}, ${kind}: ${describe(sample)}`)
      }
      const dialogMs = await timeRevokeDialog(browser, {
        origin: serve.url,
        demoToken: serve.demoToken,
        timeoutMs,
      })
      result.revokeDialogMs.push(dialogMs)
      log(
        `  ${size} tokens, run ${round + 1}/${runs}, Revoke dialog open: ${dialogMs ?? 'FAILED'} ms`,
      )
    }
    return result
  } finally {
    await serve.stop()
  }
}

export async function benchBrowser(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const executablePath = findSystemChromium()
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: chromiumArgs(),
  })
  try {
    const largest = Math.max(...options.sizes)
    const sizes: SizeResult[] = []
    for (const size of options.sizes) {
      sizes.push(await benchSize(browser, size, size === largest, options))
    }
    return { chromium: browser.version(), sizes }
  } finally {
    await browser.close()
  }
}
