import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** What a production build is made from; a change to any of these makes `dist/` stale. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** The built page and the server's render: both must be there, and the older one counts. */
export function isBuildStale(rootDir: string, distDir: string, ssrDir: string): boolean {
  const built = [join(distDir, 'index.html'), join(ssrDir, 'entry-server.js')]
  if (!built.every((file) => existsSync(file))) return true
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs))
  return SOURCES.some((source) => newestMtime(join(rootDir, source)) > builtAt)
}

/**
 * Builds the app (into `distDir`) and its server render (into `ssrDir`) with Vite when either is
 * missing or older than its sources.
 */
export async function ensureBuild(rootDir: string, distDir: string, ssrDir: string): Promise<void> {
  if (!isBuildStale(rootDir, distDir, ssrDir)) return
  // Production installs (npm ci --omit=dev) have no Vite: they run `npm run build` first.
  const vite = await import('vite').catch(() => null)
  if (vite === null) {
    throw new Error('dist/ is missing or older than its sources: run `npm run build` first.')
  }
  console.log('building the console (dist/ is missing or older than its sources)…')
  await vite.build({ root: rootDir, logLevel: 'warn', build: { outDir: distDir } })
  await vite.build({
    root: rootDir,
    logLevel: 'warn',
    build: { ssr: 'src/entry-server.tsx', outDir: ssrDir },
  })
}
