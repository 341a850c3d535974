// What a run leaves behind: bench/results.json (every figure and raw sample), the Markdown tables
// of the browser part, and (with --update-readme) those tables in the README's Performance section.
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, arch, totalmem } from 'node:os'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import type { BrowserBenchResult } from './browser.bench.ts'
import type { FloodResults } from './flood.bench.ts'
import type { LoadResults } from './load/load-summary.ts'
import {
  browserFigures,
  browserTargets,
  type FigureRow,
  type TargetRow,
} from './browser/summary.ts'
import { formatGrid, integer, markdownTable, type Section } from './report.ts'

const ROOT = join(import.meta.dirname, '..')
export const RESULTS_JSON = join(ROOT, 'bench', 'results.json')
const README = join(ROOT, 'README.md')
const README_START = '<!-- bench:browser:start -->'
const README_END = '<!-- bench:browser:end -->'

export interface Machine {
  platform: string
  cpuModel: string
  cpus: number
  totalMemoryBytes: number
  /** 1, 5 and 15 minute load averages when the run started: a busy machine gives slower figures. */
  loadAverageAtStart: number[]
  node: string
}

export function describeMachine(): Machine {
  return {
    platform: `${platform()}-${arch()}`,
    cpuModel: cpus()[0]?.model ?? 'unknown CPU',
    cpus: cpus().length,
    totalMemoryBytes: totalmem(),
    loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
  }
}

export interface BrowserResults {
  chromium: string
  sizes: number[]
  runsPerPage: number
  stepTimeoutMs: number
  targets: TargetRow[]
  figures: FigureRow[]
  /** Every run of every page at every size, and every timed API request. */
  raw: BrowserBenchResult['sizes']
}

export interface BenchResults {
  generatedAt: string
  /** The command line, without the machine's paths. */
  command: string
  machine: Machine
  /** Client logic, emulator, bundle: absent with --browser-only and --load-only. */
  node?: Section[]
  /** The serve command under 200 clients: absent with --browser-only and --no-load. */
  load?: LoadResults
  /** 600 anonymous 1 MiB uploads: absent with --browser-only, --load-only and --no-flood. */
  flood?: FloodResults
  /** Absent with --no-browser, --load-only and --flood-only. */
  browser?: BrowserResults
  /** The parts this run did not measure, kept from an earlier run: which run each comes from. */
  keptFrom?: Partial<Record<Part, { generatedAt: string; command: string }>>
}

type Part = 'node' | 'load' | 'flood' | 'browser'
const PARTS: readonly Part[] = ['node', 'load', 'flood', 'browser']

export function browserResults(
  result: BrowserBenchResult,
  options: { runs: number; timeoutMs: number },
): BrowserResults {
  return {
    chromium: result.chromium,
    sizes: result.sizes.map((size) => size.size),
    runsPerPage: options.runs,
    stepTimeoutMs: options.timeoutMs,
    targets: browserTargets(result),
    figures: browserFigures(result),
    raw: result.sizes,
  }
}

const TARGET_HEADERS = ['target', 'measured (median, min–max)', 'limit', 'verdict'] as const
const FIGURE_HEADERS = ['figure', 'tokens', 'console', 'baseline'] as const

const targetCells = (rows: readonly TargetRow[]) =>
  rows.map((row) => [row.target, row.measured, row.limit, row.verdict])
const figureCells = (rows: readonly FigureRow[]) =>
  rows.map((row) => [row.figure, integer.format(row.tokens), row.console, row.baseline])

/** The browser part as plain text, for the terminal. */
export function browserText(browser: BrowserResults): string {
  const passed = browser.targets.filter((row) => row.verdict === 'PASS').length
  return [
    `[browser targets: ${passed} of ${browser.targets.length} pass]`,
    formatGrid(TARGET_HEADERS, targetCells(browser.targets)),
    '',
    '[browser figures (median, min–max over the runs)]',
    formatGrid(FIGURE_HEADERS, figureCells(browser.figures), new Set([1])),
  ].join('\n')
}

/** The browser part as Markdown (what the README's Performance section shows). */
function browserMarkdown(results: BenchResults, browser: BrowserResults): string {
  const { machine } = results
  const sizes = browser.sizes.map((size) => integer.format(size)).join(', ')
  return [
    `Last run ${results.generatedAt.slice(0, 10)}: \`${results.command}\`, ${browser.runsPerPage} ` +
      `interleaved runs per page at ${sizes} tokens; Chromium ${browser.chromium}, Node ` +
      `${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ` +
      `${machine.loadAverageAtStart[0] ?? '?'} at the start.`,
    '',
    markdownTable(TARGET_HEADERS, targetCells(browser.targets)),
    '',
    markdownTable(FIGURE_HEADERS, figureCells(browser.figures), new Set([1])),
  ].join('\n')
}

async function prettier(text: string, file: string): Promise<string> {
  const config = (await resolveConfig(file)) ?? {}
  return format(text, { ...config, filepath: file })
}

/**
 * Writes bench/results.json, formatted as Prettier would (the file is committed). A partial run
 * (`--flood-only`, `--no-browser`…) replaces only the parts it measured; the others stay, each
 * with the run it comes from in `keptFrom`.
 */
export async function writeResultsJson(results: BenchResults): Promise<void> {
  const previous = readPreviousResults()
  const merged: BenchResults = { ...results }
  const keptFrom: NonNullable<BenchResults['keptFrom']> = {}
  for (const part of PARTS) {
    if (results[part] !== undefined || previous?.[part] === undefined) continue
    Object.assign(merged, { [part]: previous[part] })
    keptFrom[part] = previous.keptFrom?.[part] ?? {
      generatedAt: previous.generatedAt,
      command: previous.command,
    }
  }
  if (Object.keys(keptFrom).length > 0) merged.keptFrom = keptFrom
  else delete merged.keptFrom
  writeFileSync(RESULTS_JSON, await prettier(JSON.stringify(merged), RESULTS_JSON))
}

function readPreviousResults(): BenchResults | null {
  try {
    return JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as BenchResults
  } catch {
    return null // none yet, or unreadable: this run's parts alone
  }
}

/** The Markdown block for the README, formatted as Prettier would. */
export async function readmeBlock(results: BenchResults, browser: BrowserResults): Promise<string> {
  const markdown = await prettier(browserMarkdown(results, browser), README)
  return markdown.trimEnd()
}

/** Replaces what stands between the README's bench markers. */
export function updateReadme(block: string): void {
  const readme = readFileSync(README, 'utf8')
  const start = readme.indexOf(README_START)
  const end = readme.indexOf(README_END)
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${README_START} … ${README_END} block to update`)
  }
  const updated = `${readme.slice(0, start + README_START.length)}\n\n${block}\n\n${readme.slice(end)}`
  writeFileSync(README, updated)
}
