import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** What is worth compressing: text. Images and fonts in dist/ are compressed formats already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024

/**
 * Writes `file.br` (brotli, highest quality: this runs once per build) and `file.gz` beside every
 * compressible file under `dir`, so the serve command sends compressed bytes without compressing
 * per request. Returns the files it compressed.
 */
export function precompressDir(dir: string): string[] {
  const done: string[] = []
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) {
      done.push(...precompressDir(path))
      continue
    }
    if (!COMPRESSIBLE.test(entry)) continue
    const content = readFileSync(path)
    if (content.length < MIN_BYTES) continue
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    )
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }))
    done.push(path)
  }
  return done
}
