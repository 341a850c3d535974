// `npm start`: serves the built console and proxies its API calls to an upstream: the embedded
// emulator by default, the real OpenTrain API when OT_API_BASE_URL is set.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEmulatorArgs } from './emulator/cli-options.ts'
import { openEmulator } from './emulator/emulator.ts'
import { ensureBuild } from './serve/ensure-build.ts'
import { createServeApp } from './serve/serve-app.ts'
import { normaliseUpstreamBase, remoteUpstream, type Upstream } from './serve/upstream.ts'
import { startHttpServer } from './start-http-server.ts'

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const distDir = join(rootDir, 'dist')

async function main(): Promise<void> {
  const defaultPort = process.env.PORT ? Number(process.env.PORT) : 8080
  const options = parseEmulatorArgs(process.argv.slice(2), { port: defaultPort })
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
    const emulator = openEmulator({
      db: options.db,
      seed: options.seed,
      latencyMs: options.latencyMs,
      rateLimitPerMinute: options.rateLimitPerMinute,
    })
    upstream = emulator.fetch
    closeUpstream = emulator.close
    demoToken = emulator.demoToken
  }

  const app = createServeApp({
    distDir,
    upstream,
    config: demoToken ? { upstream: 'emulator', demoToken } : { upstream: 'opentrain' },
  })
  const server = await startHttpServer(app.fetch, { port: options.port, host: options.host })
  console.log(`console listening on ${server.url}`)
  if (demoToken) console.log(`demo token: ${demoToken}`)

  const shutdown = () => {
    void server.close().finally(() => {
      closeUpstream()
      process.exit(0)
    })
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(`serve: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
