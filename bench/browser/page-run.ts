// One run: one page loaded in a fresh browser context (no cache, no storage but the session cookie),
// its figures read, then (on request) the console's interactions timed.
import type { Browser, BrowserContext, Page } from '@playwright/test'
import {
  API_PATHS,
  INTERACTIONS,
  PAGE_PATHS,
  PROBE_SCRIPT,
  type InteractionName,
  type PageKind,
} from './pages.ts'
import { PROBE_REPORT_BINDING, type ProbeReport } from './probe-report.ts'

const VIEWPORT = { width: 1280, height: 800 }

/** A script or stylesheet the page had received when its first row was painted. */
interface LoadedFile {
  path: string
  /** Resource Timing: bytes on the wire, headers included (compressed as served). */
  transferSize: number
  /** Resource Timing: the body as served (compressed), without headers. */
  encodedBodySize: number
  /** ms since navigation start. */
  responseEnd: number
  /** The response's Content-Encoding (br, gzip), or null when sent plain. */
  encoding: string | null
}

export interface RunSample {
  kind: PageKind
  /** Which round of the interleaved sequence (0-based). */
  round: number
  /** ms from navigation start to the paint that shows the first data row; null when it failed. */
  firstRowMs: number | null
  /** JS (V8) heap used after load and a forced GC (CDP Runtime.getHeapUsage `usedSize`), bytes. */
  heapBytes: number | null
  /** The same call's `embedderHeapUsedSize`: Blink's garbage-collected heap, where the DOM lives. */
  blinkHeapBytes: number | null
  /** `document.getElementsByTagName('*').length` after load. */
  domNodes: number | null
  /** GET requests to the two API paths from navigation until after the heap was measured. */
  requests: { tokens: number; me: number } | null
  /** JS and CSS whose response ended before the first row was painted. */
  jsCss: { transferBytes: number; encodedBytes: number; files: LoadedFile[] } | null
  /** ms from the input event to the paint that shows the rows changed; null when it failed. */
  interactions: Partial<Record<InteractionName, number | null>>
  /** Why the run stopped early (a timeout, a missing element). */
  error?: string
}

export interface RunOptions {
  kind: PageKind
  round: number
  origin: string
  demoToken: string
  /** Time the console's interactions after load. */
  interactions: boolean
  /**
   * Budget for each step: the load until the first row, and each interaction. The whole run gets
   * one step more than it has, and its context is closed when that runs out.
   */
  timeoutMs: number
}

/** The probe's reports, in order; `next` takes the first of a kind, waiting for it if need be. */
/** Chromium's performance.now() is coarsened to 0.1 ms anyway. */
const tenths = (ms: number): number => Math.round(ms * 10) / 10

class ProbeReports {
  private readonly queue: ProbeReport[] = []
  private readonly waiting = new Set<() => void>()

  push(report: ProbeReport): void {
    this.queue.push(report)
    for (const wake of this.waiting) wake()
  }

  next<K extends ProbeReport['kind']>(
    kind: K,
    what: string,
    timeoutMs: number,
  ): Promise<Extract<ProbeReport, { kind: K }>> {
    const take = () => {
      const index = this.queue.findIndex((report) => report.kind === kind)
      if (index < 0) return undefined
      return this.queue.splice(index, 1)[0] as Extract<ProbeReport, { kind: K }>
    }
    const found = take()
    if (found !== undefined) return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const wake = () => {
        const report = take()
        if (report === undefined) return
        this.waiting.delete(wake)
        clearTimeout(timer)
        resolve(report)
      }
      const timer = setTimeout(() => {
        this.waiting.delete(wake)
        reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`))
      }, timeoutMs)
      this.waiting.add(wake)
    })
  }
}

/**
 * JS and CSS received before `firstRowMs`, from Resource Timing (same origin, so every size is
 * exposed; a fresh context, so nothing comes from cache). `transferSize` counts the compressed
 * body plus response headers, which is what crossed the wire.
 */
async function jsCssBefore(
  page: Page,
  firstRowMs: number,
  encodings: ReadonlyMap<string, string | null>,
): Promise<NonNullable<RunSample['jsCss']>> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => {
      const timing = entry as PerformanceResourceTiming
      return {
        name: timing.name,
        transferSize: timing.transferSize,
        encodedBodySize: timing.encodedBodySize,
        responseEnd: timing.responseEnd,
      }
    }),
  )
  const files = entries
    .filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname))
    .filter((entry) => entry.responseEnd <= firstRowMs)
    .map((entry): LoadedFile => ({
      path: new URL(entry.name).pathname,
      transferSize: entry.transferSize,
      encodedBodySize: entry.encodedBodySize,
      responseEnd: Math.round(entry.responseEnd),
      encoding: encodings.get(entry.name) ?? null,
    }))
  return {
    transferBytes: files.reduce((sum, file) => sum + file.transferSize, 0),
    encodedBytes: files.reduce((sum, file) => sum + file.encodedBodySize, 0),
    files,
  }
}

/** The page's JS heap and Blink's heap after a full GC, from the DevTools protocol. */
async function heapAfterGc(
  context: BrowserContext,
  page: Page,
): Promise<{ js: number; blink: number }> {
  const cdp = await context.newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const usage = await cdp.send('Runtime.getHeapUsage')
    return { js: usage.usedSize, blink: usage.embedderHeapUsedSize }
  } finally {
    await cdp.detach()
  }
}

/** Times each of INTERACTIONS once, in order, waiting for the page to idle before each. */
async function timeInteractions(
  page: Page,
  reports: ProbeReports,
  sample: RunSample,
  timeoutMs: number,
): Promise<void> {
  for (const interaction of INTERACTIONS) {
    sample.interactions[interaction.name] = null
    await page.evaluate(() => window.__benchProbe?.idle())
    const act = await interaction.prepare(page)
    const repaint = reports.next('repaint', `the rows to repaint (${interaction.label})`, timeoutMs)
    repaint.catch(() => {}) // awaited below; this only keeps an early failure from going unhandled
    await page.evaluate(() => window.__benchProbe?.arm())
    await act()
    const { at, inputAt, armedAt } = await repaint
    sample.interactions[interaction.name] = tenths(at - (inputAt ?? armedAt))
  }
}

/** A fresh context (no cache, no storage), with the bench's viewport and step timeout. */
async function benchContext(browser: Browser, timeoutMs: number): Promise<BrowserContext> {
  // Chromium 156 already sends "gzip, deflate, br, zstd" to http://127.0.0.1; set explicitly so
  // that another build or version gets the same compressed assets.
  const context = await browser.newContext({
    viewport: VIEWPORT,
    extraHTTPHeaders: { 'Accept-Encoding': 'br, gzip' },
  })
  context.setDefaultTimeout(timeoutMs)
  return context
}

/**
 * The probe's reports from `context`'s pages, once it is signed in as after "Use the demo token":
 * the serve command's session cookie, which the baseline's request carries too (the context's
 * request client shares its cookies).
 */
async function probedAndSignedIn(
  context: BrowserContext,
  origin: string,
  demoToken: string,
): Promise<ProbeReports> {
  const reports = new ProbeReports()
  await context.exposeFunction(PROBE_REPORT_BINDING, (report: ProbeReport) => reports.push(report))
  const signedIn = await context.request.post(`${origin}/console/session`, {
    headers: { Origin: origin },
    data: { token: demoToken },
  })
  if (!signedIn.ok()) throw new Error(`sign-in for the bench answered ${signedIn.status()}`)
  return reports
}

export async function runPage(browser: Browser, options: RunOptions): Promise<RunSample> {
  const { kind, round, origin, demoToken, timeoutMs } = options
  const sample: RunSample = {
    kind,
    round,
    firstRowMs: null,
    heapBytes: null,
    blinkHeapBytes: null,
    domNodes: null,
    requests: null,
    jsCss: null,
    interactions: {},
  }
  const context = await benchContext(browser, timeoutMs)
  const steps = 2 + (options.interactions ? INTERACTIONS.length : 0)
  let overran = false
  const guard = setTimeout(() => {
    overran = true
    void context.close()
  }, steps * timeoutMs)
  try {
    const reports = await probedAndSignedIn(context, origin, demoToken)
    await context.addInitScript({ path: PROBE_SCRIPT })
    const page = await context.newPage()

    const counts = { tokens: 0, me: 0 }
    page.on('request', (request) => {
      if (request.method() !== 'GET') return
      const path = new URL(request.url()).pathname
      if (path === API_PATHS.tokens) counts.tokens++
      if (path === API_PATHS.me) counts.me++
    })
    const encodings = new Map<string, string | null>()
    page.on('response', (response) => {
      encodings.set(response.url(), response.headers()['content-encoding'] ?? null)
    })

    const firstRow = reports.next('first-row', 'the first row', timeoutMs)
    firstRow.catch(() => {}) // awaited below
    await page.goto(`${origin}${PAGE_PATHS[kind]}`, { waitUntil: 'commit' })
    const firstRowAt = (await firstRow).at
    sample.firstRowMs = tenths(firstRowAt)
    await page.waitForLoadState('load')
    sample.jsCss = await jsCssBefore(page, firstRowAt, encodings)
    sample.domNodes = await page.evaluate(() => document.getElementsByTagName('*').length)
    const heap = await heapAfterGc(context, page)
    sample.heapBytes = heap.js
    sample.blinkHeapBytes = heap.blink
    sample.requests = { ...counts }
    if (options.interactions) await timeInteractions(page, reports, sample, timeoutMs)
  } catch (error) {
    sample.error = overran
      ? `run stopped after ${(steps * timeoutMs) / 1000} s`
      : error instanceof Error
        ? (error.message.split('\n')[0] ?? error.name)
        : String(error)
  } finally {
    clearTimeout(guard)
    await context.close()
  }
  return sample
}

/**
 * ms from navigation start until a click on Revoke opens its dialog: a fresh context loads the
 * console, and from its first row on the probe clicks the first enabled Revoke button every frame
 * (it does nothing until the app has hydrated) until the dialog is painted. Null when it failed.
 */
export async function timeRevokeDialog(
  browser: Browser,
  { origin, demoToken, timeoutMs }: Pick<RunOptions, 'origin' | 'demoToken' | 'timeoutMs'>,
): Promise<number | null> {
  const context = await benchContext(browser, timeoutMs)
  try {
    const reports = await probedAndSignedIn(context, origin, demoToken)
    await context.addInitScript(() => (window.__benchRevokeEarly = true))
    await context.addInitScript({ path: PROBE_SCRIPT })
    const page = await context.newPage()
    const dialog = reports.next('revoke-dialog', 'the Revoke dialog', timeoutMs)
    dialog.catch(() => {}) // awaited below
    await page.goto(`${origin}${PAGE_PATHS.console}`, { waitUntil: 'commit' })
    return tenths((await dialog).at)
  } catch {
    return null
  } finally {
    await context.close()
  }
}
