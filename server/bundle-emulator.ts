// globalSetup of the `process` project: the emulator CLI bundled once, so that each of the many
// processes its tests start is plain node (about half a second sooner each than with tsx's loader).
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled emulator CLI: run it with `node`. */
    emulatorCli: string
  }
}

const require = createRequire(import.meta.url)

export default async function bundleEmulator({ provide }: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-bundle-'))
  const outfile = join(dir, 'emulator-cli.mjs')
  await build({
    entryPoints: [join(import.meta.dirname, 'emulator-cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // better-sqlite3 is native: imported from where it is installed, whatever the bundle's folder.
    plugins: [
      {
        name: 'native-from-node-modules',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^better-sqlite3$/ }, () => ({
            path: require.resolve('better-sqlite3'),
            external: true,
          }))
        },
      },
    ],
  })
  provide('emulatorCli', outfile)
  return () => rmSync(dir, { recursive: true, force: true })
}
