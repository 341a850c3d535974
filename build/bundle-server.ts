// The last step of `npm run build`: the serve command compiled to one file, dist-server/serve.mjs,
// that plain `node` runs with the production dependencies alone (no tsx, no vite; README
// "Production"). Packages stay imports from node_modules; only this repo's TypeScript is bundled.
import { join } from 'node:path'
import { build } from 'esbuild'

/** Bundles `server/serve-cli.ts` to `outfile`. */
export async function bundleServer(outfile: string): Promise<void> {
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'server', 'serve-cli.ts')],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  })
}

if (process.argv[1] === import.meta.filename) {
  await bundleServer(join(import.meta.dirname, '..', 'dist-server', 'serve.mjs'))
}
