// What each dependency costs: a production build in memory (dist/ is not touched) with every npm
// package in a chunk of its own, each compressed as the serve command sends it. A package alone
// compresses a little worse than inside a shared chunk, so these are upper bounds.
import { join } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { build, type Rolldown } from 'vite'
import { BUNDLE_COMPOSITION_MODE } from '../vite.config.ts'
import { firstRenderFiles } from './bundle-size.ts'
import { formatBytes, type Row } from './report.ts'

const ROOT = join(import.meta.dirname, '..')

/** `react-dom`, `@radix-ui/react-tooltip`: the package a module comes from, or `null` for app code. */
function packageOf(id: string): string | null {
  const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id)
  return match?.[1]?.replace('\\', '/') ?? null
}

const PREFIX = 'pkg~'

function brotli(code: string): number {
  return brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).byteLength
}

async function buildPerPackage(): Promise<Rolldown.RolldownOutput> {
  const result = await build({
    root: ROOT,
    mode: BUNDLE_COMPOSITION_MODE,
    logLevel: 'silent',
    build: {
      write: false,
      rolldownOptions: {
        output: {
          codeSplitting: {
            // Each package on its own, without the packages it imports.
            includeDependenciesRecursively: false,
            groups: [
              {
                debugName: 'one chunk per package',
                priority: 1, // over vite.config.ts's other groups
                name: (id) => {
                  const name = packageOf(id)
                  return name === null ? null : `${PREFIX}${name}`
                },
              },
            ],
          },
        },
      },
    },
  })
  if (Array.isArray(result) || !('output' in result)) throw new Error('expected one build output')
  return result
}

/** Packages smaller than this are summed in one row. */
const LISTED_MIN_BYTES = 1000

export async function bundleCompositionRows(): Promise<Row[]> {
  const { output } = await buildPerPackage()
  const chunks = new Map<string, Rolldown.OutputChunk>()
  let html = ''
  for (const file of output) {
    if (file.type === 'chunk') chunks.set(file.fileName, file)
    else if (file.fileName === 'index.html') html = String(file.source)
  }
  const first = new Set(firstRenderFiles(html, (file) => chunks.get(file)?.imports ?? []))
  const packages = [...chunks.values()]
    .filter((chunk) => chunk.name.startsWith(PREFIX))
    .map((chunk) => ({
      name: packageOf(chunk.moduleIds[0] ?? '') ?? chunk.name,
      bytes: brotli(chunk.code),
      inFirst: first.has(chunk.fileName),
    }))
    .sort((a, b) => b.bytes - a.bytes)
  const note = (bytes: number, inFirst: boolean) =>
    `${formatBytes(bytes)} br${inFirst ? ', loaded by index.html' : ', loaded later'}`
  const rows = packages
    .filter((p) => p.bytes >= LISTED_MIN_BYTES)
    .map((p): Row => ({ case: p.name, note: note(p.bytes, p.inFirst) }))
  for (const inFirst of [true, false]) {
    const small = packages.filter((p) => p.bytes < LISTED_MIN_BYTES && p.inFirst === inFirst)
    const bytes = small.reduce((sum, p) => sum + p.bytes, 0)
    if (small.length > 0) {
      rows.push({
        case: `${small.length} ${small.length === 1 ? 'package' : 'packages'} under 1 kB`,
        note: note(bytes, inFirst),
      })
    }
  }
  return rows
}
