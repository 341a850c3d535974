// npm run bench: every benchmark in turn, then one table. Figures only; nothing here asserts a time.
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { bundleCompositionRows } from './bundle-composition.ts'
import { bundleSizeRows } from './bundle-size.ts'
import { benchClientLogic } from './client-logic.bench.ts'
import { benchEmulator } from './emulator.bench.ts'
import { formatTable, type Section } from './report.ts'

async function main(): Promise<void> {
  const started = performance.now()
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  process.stdout.write(
    `Node ${process.version} on ${process.platform}-${process.arch}, ${cpu} (${cpus().length} cores)\n`,
  )
  process.stdout.write('running: client logic…\n')
  const client = benchClientLogic()
  process.stdout.write('running: emulator over HTTP…\n')
  const emulator = await benchEmulator()
  process.stdout.write('running: bundle build, one chunk per package…\n')
  const packages = await bundleCompositionRows()
  const sections: Section[] = [
    { title: 'client logic (n = tokens in the list; ops/s = 1000 / mean ms)', rows: client },
    { title: 'emulator over HTTP, sequential (n = --seed)', rows: emulator },
    { title: 'bundle (dist/assets: JS and CSS as served)', rows: bundleSizeRows() },
    { title: 'dependencies (a build with one chunk per package)', rows: packages },
  ]
  process.stdout.write(`\n${formatTable(sections)}\n`)
  process.stdout.write(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
})
