// The production start (issue 21, point 8): `npm run build`'s compiled serve command runs on plain
// `node`, importing nothing but node's own modules and the production dependencies.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleServer } from '../build/bundle-server.ts'
import { readLines, spawnScript } from './child-process-support.ts'

const root = join(import.meta.dirname, '..')
// Inside node_modules, so that the bundle's package imports resolve as they do from dist-server/.
const site = join(root, 'node_modules', '.tmp', `serve-bundle-${process.pid}`)
const bundle = join(site, 'dist-server', 'serve.mjs')

const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
}

/** `hono/cookie` -> `hono`, `@hono/node-server/serve-static` -> `@hono/node-server`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

beforeAll(async () => {
  await bundleServer(bundle)
  mkdirSync(join(site, 'dist'), { recursive: true })
  writeFileSync(join(site, 'dist', 'index.html'), '<!doctype html><title>console</title>')
})
afterAll(() => rmSync(site, { recursive: true, force: true }))

/** The bundle on plain node, with `env`; its URL and, with the emulator, the demo token. */
async function startServe(args: string[], env: Record<string, string> = {}) {
  const child = spawnScript(bundle, ['--port', '0', ...args], site, env)
  // Two lines (the URL, and the demo token or the upstream), and a third without a session key.
  const lines = await readLines(child, env.OT_SESSION_KEY ? 2 : 3)
  const url = lines.map((line) => /^console listening on (\S+)/.exec(line)?.[1]).find(Boolean)
  const demoToken = lines.map((line) => /^demo token: (\S+)/.exec(line)?.[1]).find(Boolean)
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  return { url: url ?? '', demoToken: demoToken ?? '' }
}

describe('the compiled serve command', () => {
  it('imports node built-ins and production dependencies only', () => {
    const code = readFileSync(bundle, 'utf8')
    const specifiers = [
      ...code.matchAll(/(?:^|\n)import\s[^'"]*?["']([^"']+)["']/g),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1] ?? '')
    expect(specifiers.length).toBeGreaterThan(3)
    const outside = specifiers.filter(
      (specifier) =>
        !specifier.startsWith('node:') &&
        !builtinModules.includes(specifier) &&
        !(packageOf(specifier) in dependencies),
    )
    // vite is imported only to build a missing or stale dist/ (`npm start` on a checkout), never
    // when `npm run build` has run first.
    expect(outside).toEqual(['vite'])
  })

  it('serves the console and its emulator on plain node', { timeout: 15_000 }, async () => {
    const { url, demoToken } = await startServe(['--db', ':memory:'])
    const page = await fetch(`${url}/tokens`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>console</title>')
    const tokens = await fetch(`${url}/api/public/v1/tokens`, {
      headers: { Authorization: `Bearer ${demoToken}` },
    })
    expect(tokens.status).toBe(200)
  })

  it('two serve processes given the same OT_SESSION_KEY accept each other’s sign-in cookie', async () => {
    const key = { OT_SESSION_KEY: Buffer.alloc(32, 5).toString('base64') }
    const first = await startServe(['--db', ':memory:'], key)
    // Behind one reverse proxy both would reach OpenTrain; here the second reaches the first's API.
    const second = await startServe([], { ...key, OT_API_BASE_URL: first.url })
    const signedIn = await fetch(`${first.url}/console/session`, {
      method: 'POST',
      headers: { Origin: first.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: first.demoToken }),
    })
    expect(signedIn.status).toBe(200)
    const cookie = signedIn.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ')
    const onSecond = await fetch(`${second.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookie },
    })
    expect(onSecond.status).toBe(200)

    const third = await startServe([], {
      OT_SESSION_KEY: Buffer.alloc(32, 6).toString('base64'),
      OT_API_BASE_URL: first.url,
    })
    const onThird = await fetch(`${third.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookie },
    })
    expect(onThird.status).toBe(401)
    // Three node starts: seconds each on a loaded two-core machine.
  }, 30_000)
})
