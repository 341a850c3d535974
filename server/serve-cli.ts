// `npm start`: serves the built console and proxies its API calls to an upstream: the embedded
// emulator by default, the real OpenTrain API when OT_API_BASE_URL is set.
import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openEmulator } from './emulator/emulator.ts'
import { errorMessage } from './error-message.ts'
import { exitOnSignal } from './exit-on-signal.ts'
import { ensureBuild } from './serve/ensure-build.ts'
import { loadPageRenderer } from './serve/page-render.ts'
import { viteDev } from './serve/vite-dev.ts'
import { createServeApp } from './serve/serve-app.ts'
import {
  SERVE_USAGE,
  networkWarning,
  parseServeArgs,
  type ServeCliOptions,
} from './serve/serve-cli-options.ts'
import { sessionKeysFrom, type SessionKeys } from './serve/session/session-keys.ts'
import { normaliseUpstreamBase, remoteUpstream, type Upstream } from './serve/upstream.ts'
import { startHttpServer } from './start-http-server.ts'

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const distDir = join(rootDir, 'dist')
const ssrDir = join(rootDir, 'dist-ssr')

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${SERVE_USAGE}\n`)
    return
  }
  const defaultPort = process.env.PORT ? Number(process.env.PORT) : 8080
  let options: ServeCliOptions
  try {
    options = parseServeArgs(argv, { port: defaultPort })
    if (options.benchPagesDir !== undefined && !isDirectory(options.benchPagesDir)) {
      throw new Error(`--bench-pages: ${options.benchPagesDir} is not a directory.`)
    }
  } catch (error) {
    process.stderr.write(`serve: ${errorMessage(error)}\n\n${SERVE_USAGE}\n`)
    process.exitCode = 2
    return
  }
  const { port, host, benchPagesDir, shareDemoToken, dev: devMode, ...emulatorOptions } = options
  let sessionKeys: SessionKeys
  try {
    sessionKeys = sessionKeysFrom(process.env.OT_SESSION_KEY)
  } catch (error) {
    process.stderr.write(`serve: ${errorMessage(error)}\n`)
    process.exitCode = 2
    return
  }
  const upstreamBase = process.env.OT_API_BASE_URL?.trim()

  // `--dev` (npm run dev): Vite renders from the sources, with hot reload; nothing is built.
  const dev = devMode ? viteDev(rootDir) : undefined
  if (!dev) await ensureBuild(rootDir, distDir, ssrDir)
  // The server render's React and TanStack Router in their production builds (several times faster
  // than the development ones), unless told otherwise; read when the render first imports them.
  if (!dev) process.env.NODE_ENV ??= 'production'
  const renderPage = dev?.renderPage ?? (await loadPageRenderer(ssrDir))

  let upstream: Upstream
  let closeUpstream = () => {}
  let demoToken: string | undefined
  let config: () => { demoToken?: string } = () => ({})
  if (upstreamBase) {
    const base = normaliseUpstreamBase(upstreamBase)
    upstream = remoteUpstream(base)
    console.log(`proxying /api to ${base}`)
  } else {
    const emulator = openEmulator(emulatorOptions)
    upstream = emulator.fetch
    closeUpstream = emulator.close
    demoToken = emulator.demoToken
    let printed = emulator.demoToken
    config = () => {
      const current = emulator.currentDemoToken()
      if (current !== printed) {
        printed = current
        console.log(`demo token (the last one was revoked or expired): ${current}`)
      }
      return { demoToken: current }
    }
  }

  // Names to answer besides localhost and IP addresses, when a reverse proxy serves the console.
  const allowedHosts = (process.env.OT_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const app = createServeApp({
    // Under --dev, Vite serves public/ and the modules; the page comes from pageHtml.
    distDir: dev ? join(rootDir, 'public') : distDir,
    pageHtml: dev?.pageHtml,
    upstream,
    config,
    benchPagesDir,
    allowedHosts,
    shareDemoToken,
    sessionKeys,
    renderPage,
  })
  const server = await startHttpServer(app.fetch, { port, host, inFront: dev?.inFront })
  await dev?.attach(server.server)
  console.log(`console listening on ${server.url}`)
  if (sessionKeys.generated) {
    console.log(
      'sessions: sealed with a key made at start (OT_SESSION_KEY is unset): a restart signs everyone out',
    )
  }
  if (demoToken) {
    console.log(`demo token: ${demoToken}`)
    const warning = networkWarning(host, { shareDemoToken })
    if (warning) console.warn(warning)
  }
  exitOnSignal('serve', server, () => {
    closeUpstream()
    void dev?.close()
  })
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`serve: ${errorMessage(error)}`)
  process.exit(1)
})
