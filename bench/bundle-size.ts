// The built app's JavaScript, raw and gzipped. Reads dist/ only: it never builds.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { formatBytes, type Row } from './report.ts'

const ASSETS = join(import.meta.dirname, '..', 'dist', 'assets')

function jsFiles(): string[] {
  try {
    return readdirSync(ASSETS)
      .filter((name) => name.endsWith('.js'))
      .sort()
  } catch {
    return []
  }
}

export function bundleSizeRows(): Row[] {
  const files = jsFiles()
  if (files.length === 0) return [{ case: 'dist/assets/*.js', note: 'run npm run build first' }]
  let raw = 0
  let gzip = 0
  const rows = files.map((name): Row => {
    const bytes = readFileSync(join(ASSETS, name))
    const zipped = gzipSync(bytes).byteLength
    raw += bytes.byteLength
    gzip += zipped
    return { case: name, note: `${formatBytes(bytes.byteLength)} raw, ${formatBytes(zipped)} gzip` }
  })
  rows.push({
    case: 'all JS',
    note: `${formatBytes(raw)} raw, ${formatBytes(gzip)} gzip (dist/ as last built)`,
  })
  return rows
}
