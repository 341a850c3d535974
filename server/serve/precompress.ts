import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** What is worth compressing: text. Images and fonts in dist/ are compressed formats already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/
/**
 * A compressed copy must save at least this much: `Content-Encoding` and `Vary` cost about 50
 * bytes of headers. Small chunks still gain (the 0.7 kB module runtime shrinks by ~300 bytes).
 */
const MIN_SAVING_BYTES = 64

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
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    })
    if (content.length - brotli.length < MIN_SAVING_BYTES) continue
    writeFileSync(`${path}.br`, brotli)
    const gzip = gzipSync(content, { level: 9 })
    if (content.length - gzip.length >= MIN_SAVING_BYTES) writeFileSync(`${path}.gz`, gzip)
    done.push(path)
  }
  return done
}
