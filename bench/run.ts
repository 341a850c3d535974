// npm run bench: every benchmark in turn, then the tables, and bench/results.json. Nothing here
// asserts a time: the browser part's PASS/FAIL verdicts are printed and recorded, never enforced,
// and the load part's error count and its verdict on the heap are reported, not checked.
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { ensureBuild } from '../server/serve/ensure-build.ts'
import { errorMessage } from '../server/error-message.ts'
import { benchBrowser } from './browser.bench.ts'
import { bundleCompositionRows } from './bundle-composition.ts'
import { bundleSizeRows } from './bundle-size.ts'
import { benchClientLogic } from './client-logic.bench.ts'
import { benchEmulator } from './emulator.bench.ts'
import { benchFlood, floodText } from './flood.bench.ts'
import { LOAD_DBS, benchLoad, type LoadDb } from './load.bench.ts'
import { loadText } from './load/load-summary.ts'
import { formatTable } from './report.ts'
import {
  RESULTS_JSON,
  browserResults,
  browserText,
  describeMachine,
  readmeBlock,
  updateReadme,
  writeResultsJson,
  type BenchResults,
} from './results.ts'

const ROOT = join(import.meta.dirname, '..')

const USAGE = `Usage: npm run bench -- [options]

  --browser-only      only the browser part (skips client logic, emulator, bundle, load, flood)
  --no-browser        skip the browser part
  --load-only         only the load part: the serve command under 200 clients for 30 s
  --no-load           skip the load part
  --flood-only        only the flood part: 600 loopback connections each sending 1 MiB without
                      Authorization, never finishing (15 s at most), the serve command's RSS
  --no-flood          skip the flood part
  --load-db memory|file
                      the load part's database: memory (default, --db :memory:) or a temp
                      file, as npm start uses (every API request then waits for a disk write)
  --sizes A,B,C       --seed sizes for the browser part (default 25,1000,10000); the
                      interactions are timed at the largest
  --runs N            runs of each page per size, interleaved (default 5)
  --timeout S         seconds allowed for each step of a run: a load until its first row, each
                      interaction (default 60); a step over it fails, the bench goes on
  --update-readme     also write the browser tables into README.md (Performance section)
  --report-only       measure nothing: summarise bench/results.json's raw samples again (after a
                      change to the targets or the tables), print it, rewrite it

Writes bench/results.json every time.`

interface RunOptions {
  node: boolean
  load: boolean
  flood: boolean
  loadDb: LoadDb
  browser: boolean
  sizes: number[]
  runs: number
  timeoutMs: number
  updateReadme: boolean
  reportOnly: boolean
}

function positiveInteger(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new Error(`--${flag} takes a positive integer, got "${value}"`)
  }
  return Number(value)
}

function parseOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'browser-only': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      'load-only': { type: 'boolean', default: false },
      'no-load': { type: 'boolean', default: false },
      'flood-only': { type: 'boolean', default: false },
      'no-flood': { type: 'boolean', default: false },
      'load-db': { type: 'string', default: 'memory' },
      sizes: { type: 'string', default: '25,1000,10000' },
      runs: { type: 'string', default: '5' },
      timeout: { type: 'string', default: '60' },
      'update-readme': { type: 'boolean', default: false },
      'report-only': { type: 'boolean', default: false },
    },
  })
  if (values['browser-only'] && values['no-browser']) {
    throw new Error('--browser-only and --no-browser leave nothing to run')
  }
  if (values['load-only'] && values['no-load']) {
    throw new Error('--load-only and --no-load leave nothing to run')
  }
  if (values['flood-only'] && values['no-flood']) {
    throw new Error('--flood-only and --no-flood leave nothing to run')
  }
  const only = ['browser-only', 'load-only', 'flood-only'] as const
  if (only.filter((flag) => values[flag]).length > 1) {
    throw new Error('only one of --browser-only, --load-only and --flood-only at a time')
  }
  const loadDb = LOAD_DBS.find((db) => db === values['load-db'])
  if (loadDb === undefined) {
    throw new Error(`--load-db takes ${LOAD_DBS.join(' or ')}, got "${values['load-db']}"`)
  }
  const browser = !values['no-browser'] && !values['load-only'] && !values['flood-only']
  if (values['update-readme'] && !browser) {
    throw new Error('--update-readme needs the browser part')
  }
  return {
    node: !values['browser-only'] && !values['load-only'] && !values['flood-only'],
    load: !values['browser-only'] && !values['no-load'] && !values['flood-only'],
    flood: !values['browser-only'] && !values['no-flood'] && !values['load-only'],
    loadDb,
    browser,
    sizes: values.sizes.split(',').map((size) => positiveInteger('sizes', size.trim())),
    runs: positiveInteger('runs', values.runs),
    timeoutMs: positiveInteger('timeout', values.timeout) * 1000,
    updateReadme: values['update-readme'],
    reportOnly: values['report-only'],
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`)

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    say(USAGE)
    return
  }
  let options: RunOptions
  try {
    options = parseOptions(argv)
  } catch (error) {
    process.stderr.write(`bench: ${errorMessage(error)}\n\n${USAGE}\n`)
    process.exitCode = 2
    return
  }
  const started = performance.now()
  const results = options.reportOnly ? resummarised() : await measure(argv, options)
  if (results.node) say(`\n${formatTable(results.node)}`)
  if (results.load) say(`\n${loadText(results.load)}`)
  if (results.flood) say(`\n${floodText(results.flood)}`)
  if (results.browser) {
    say(`\n${browserText(results.browser)}`)
    const block = await readmeBlock(results, results.browser)
    say(`\nAs Markdown (npm run bench -- --update-readme writes it into README.md):\n\n${block}`)
    if (options.updateReadme) updateReadme(block)
  }
  await writeResultsJson(results)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  say(`\nwrote ${relative(ROOT, RESULTS_JSON)}; total ${seconds} s`)
}

async function measure(argv: string[], options: RunOptions): Promise<BenchResults> {
  const machine = describeMachine()
  say(
    `Node ${machine.node} on ${machine.platform}, ${machine.cpuModel} (${machine.cpus} cores), ` +
      `load average ${machine.loadAverageAtStart.join(' ')}`,
  )
  // The serve command and the bundle figures read dist/: build it now when it is missing or stale
  // (as the e2e suite's global setup does), not in a serve command mid-run.
  await ensureBuild(ROOT, join(ROOT, 'dist'), join(ROOT, 'dist-ssr'))

  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
    machine,
  }
  if (options.node) {
    say('running: client logic…')
    const client = benchClientLogic()
    say('running: emulator over HTTP…')
    const emulator = await benchEmulator()
    say('running: bundle build, one chunk per package…')
    const packages = await bundleCompositionRows()
    results.node = [
      { title: 'client logic (n = tokens in the list; ops/s = 1000 / mean ms)', rows: client },
      { title: 'emulator over HTTP, sequential (n = --seed)', rows: emulator },
      { title: 'bundle (dist/assets: JS and CSS as served)', rows: bundleSizeRows() },
      { title: 'dependencies (a build with one chunk per package)', rows: packages },
    ]
  }
  if (options.load) {
    say('running: the serve command under load…')
    results.load = await benchLoad({ db: options.loadDb, log: say })
  }
  if (options.flood) {
    say('running: the serve command under a flood of anonymous uploads…')
    results.flood = await benchFlood({ log: say })
  }
  if (options.browser) {
    say(`running: browser (${options.runs} runs of each page at ${options.sizes.join(', ')})…`)
    const browser = await benchBrowser({
      sizes: options.sizes,
      runs: options.runs,
      timeoutMs: options.timeoutMs,
      log: say,
    })
    results.browser = browserResults(browser, options)
  }
  return results
}

/** The last run's results, the browser part summarised again from its raw samples. */
function resummarised(): BenchResults {
  const results = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as BenchResults
  const { browser } = results
  if (browser) {
    results.browser = browserResults(
      { chromium: browser.chromium, sizes: browser.raw },
      { runs: browser.runsPerPage, timeoutMs: browser.stepTimeoutMs },
    )
  }
  return results
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
})
