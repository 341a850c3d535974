import { resolve } from 'node:path'
import {
  EMULATOR_USAGE,
  parseEmulatorArgs,
  type EmulatorCliOptions,
} from '../emulator/cli-options.ts'

export interface ServeCliOptions extends EmulatorCliOptions {
  /** `--bench-pages DIR`, resolved: extra static pages served at `/__bench/` (npm run bench). */
  benchPagesDir: string | undefined
  /** `--share-demo-token`: offer the demo token to clients on other machines too. */
  shareDemoToken: boolean
  /** `--dev` (npm run dev): pages rendered from the sources by Vite, with hot reload; no build. */
  dev: boolean
}

const BENCH_PAGES = '--bench-pages'
const SHARE_DEMO_TOKEN = '--share-demo-token'
const DEV = '--dev'

export const SERVE_USAGE = `Usage: npm start -- [options]

  --port N            port to listen on (default: PORT, else 8080; 0 picks a free port)
  --host H            interface to bind (default 127.0.0.1)
  --bench-pages DIR   also serve DIR's files at /__bench/, with the app's headers (npm run bench's
                      baseline page; off by default)
  --share-demo-token  with the emulator, offer the demo token (every scope) on the sign-in page to
                      clients on other machines too; by default only this machine's get it
  --dev               npm run dev: Vite renders the pages from the sources, with hot reload in the
                      browser and on the server (no build)

OT_ALLOWED_HOSTS (comma-separated) names the host names to answer besides localhost and IP
addresses, when the console is reached under another name; any other Host gets 403.

OT_SESSION_KEY seals the sign-in cookie: 32 bytes as base64 or hex (openssl rand -base64 32), or
a comma-separated list whose first key seals and every key opens (to rotate a key). Give every
serve process behind one reverse proxy the same key. Unset: a key made at start, so a restart
signs everyone out.

Without OT_API_BASE_URL, the embedded emulator takes its flags too:
${EMULATOR_USAGE.split('\n')
  .filter((line) => /^\s+--(db|seed|latency|rate-limit)\b/.test(line))
  .join('\n')}`

/**
 * The serve command's flags: `--bench-pages DIR` (either `--bench-pages DIR` or `--bench-pages=DIR`)
 * and every emulator flag (strict, see parseEmulatorArgs).
 */
export function parseServeArgs(argv: string[], defaults: { port?: number } = {}): ServeCliOptions {
  const rest: string[] = []
  let benchPages: string | undefined
  let shareDemoToken = false
  let dev = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === SHARE_DEMO_TOKEN) {
      shareDemoToken = true
      continue
    }
    if (arg === DEV) {
      dev = true
      continue
    }
    if (arg !== BENCH_PAGES && !arg.startsWith(`${BENCH_PAGES}=`)) {
      rest.push(arg)
      continue
    }
    const value = arg === BENCH_PAGES ? argv[++i] : arg.slice(BENCH_PAGES.length + 1)
    if (value === undefined || value.trim() === '' || value.startsWith('--')) {
      throw new Error(`${BENCH_PAGES} needs a directory.`)
    }
    benchPages = value
  }
  return {
    ...parseEmulatorArgs(rest, defaults),
    benchPagesDir: benchPages === undefined ? undefined : resolve(benchPages),
    shareDemoToken,
    dev,
  }
}

/** 127.0.0.0/8, ::1 and localhost: an interface only this machine can reach. */
const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)

/**
 * What to print when the emulator's console listens beyond this machine (`--host 0.0.0.0`), or
 * `null` when it does not: the demo token has every scope, and the data is not private.
 */
export function networkWarning(host: string, { shareDemoToken }: { shareDemoToken: boolean }) {
  if (isLoopbackHost(host)) return null
  const demo = shareDemoToken
    ? 'and --share-demo-token offers its demo token (every scope) to anyone who opens it'
    : 'its demo token is offered only to this machine (--share-demo-token offers it to all)'
  return `warning: listening on ${host}, the emulator's console is reachable from the network; ${demo}.`
}
