// The built app's JavaScript and CSS as the serve command sends them (its brotli copies), and what
// index.html loads before the app can render. Reads dist/ only: it never builds.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { formatBytes, type Row } from './report.ts'

const DIST = join(import.meta.dirname, '..', 'dist')
const ASSETS = join(DIST, 'assets')

/** `/assets/x.js` paths that index.html loads or preloads (scripts, modulepreloads, stylesheets). */
export function assetsInHtml(html: string): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+)"/g)) {
    const path = match[1]
    if (path?.endsWith('.js') || path?.endsWith('.css')) found.add(path)
  }
  return [...found]
}

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g)].map(
    (match) => `assets/${match[1] ?? ''}`,
  )
}

/**
 * What the page downloads before the app can render: everything index.html names (scripts,
 * preloads, stylesheets), and every chunk those import statically. Chunks the app imports later
 * (a route's chunk that index.html does not preload, dialogs) are not in it.
 */
export function firstRenderFiles(html: string, importsOf: (file: string) => string[]): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    if (file.endsWith('.js')) for (const next of importsOf(file)) visit(next)
  }
  for (const file of assetsInHtml(html)) visit(file)
  return [...seen].sort()
}

/** Bytes the serve command sends for a file: its `.br` copy when one was written, else the file. */
function servedBytes(path: string): number {
  const compressed = `${path}.br`
  return readFileSync(existsSync(compressed) ? compressed : path).byteLength
}

function assetFiles(): string[] {
  try {
    return readdirSync(ASSETS)
      .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
      .sort()
  } catch {
    return []
  }
}

export function bundleSizeRows(): Row[] {
  const files = assetFiles()
  if (files.length === 0) return [{ case: 'dist/assets', note: 'run npm run build first' }]
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const first = new Set(
    firstRenderFiles(html, (file) => staticImports(readFileSync(join(DIST, file), 'utf8'))),
  )
  let firstBytes = 0
  let allBytes = 0
  const rows = files.map((name): Row => {
    const path = join(ASSETS, name)
    const raw = readFileSync(path).byteLength
    const served = servedBytes(path)
    const inFirst = first.has(`assets/${name}`)
    allBytes += served
    if (inFirst) firstBytes += served
    return {
      case: name,
      note: `${formatBytes(served)} br, ${formatBytes(raw)} raw${inFirst ? ', loaded by index.html' : ''}`,
    }
  })
  rows.push(
    { case: 'loaded by index.html', note: `${formatBytes(firstBytes)} br (JS + CSS)` },
    { case: 'all JS + CSS', note: `${formatBytes(allBytes)} br (dist/ as last built)` },
  )
  return rows
}
