// `npm start`: serves the built console and proxies its API calls to an upstream: the embedded
// emulator by default, the real OpenTrain API when OT_API_BASE_URL is set.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEmulatorArgs } from './emulator/cli-options.ts'
import { openEmulator } from './emulator/emulator.ts'
import { errorMessage } from './error-message.ts'
import { exitOnSignal } from './exit-on-signal.ts'
import { ensureBuild } from './serve/ensure-build.ts'
import { createServeApp } from './serve/serve-app.ts'
import { normaliseUpstreamBase, remoteUpstream, type Upstream } from './serve/upstream.ts'
import { startHttpServer } from './start-http-server.ts'

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const distDir = join(rootDir, 'dist')

async function main(): Promise<void> {
  const defaultPort = process.env.PORT ? Number(process.env.PORT) : 8080
  const { port, host, ...emulatorOptions } = parseEmulatorArgs(process.argv.slice(2), {
    port: defaultPort,
  })
  const upstreamBase = process.env.OT_API_BASE_URL?.trim()

  await ensureBuild(rootDir, distDir)

  let upstream: Upstream
  let closeUpstream = () => {}
  let demoToken: string | undefined
  if (upstreamBase) {
    const base = normaliseUpstreamBase(upstreamBase)
    upstream = remoteUpstream(base)
    console.log(`proxying /api to ${base}`)
  } else {
    const emulator = openEmulator(emulatorOptions)
    upstream = emulator.fetch
    closeUpstream = emulator.close
    demoToken = emulator.demoToken
  }

  const app = createServeApp({
    distDir,
    upstream,
    config: demoToken ? { demoToken } : {},
  })
  const server = await startHttpServer(app.fetch, { port, host })
  console.log(`console listening on ${server.url}`)
  if (demoToken) console.log(`demo token: ${demoToken}`)
  exitOnSignal('serve', server, closeUpstream)
}

main().catch((error: unknown) => {
  console.error(`serve: ${errorMessage(error)}`)
  process.exit(1)
})
