// The production start (issue 21, point 8): `npm run build`'s compiled serve command runs on plain
// `node`, importing nothing but node's own modules and the production dependencies, and renders
// pages with the compiled server render.
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleServer } from '../build/bundle-server.ts'
import { readLines, spawnScript } from './child-process-support.ts'
import { signInAt } from './serve/session/cookie-header.ts'

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

/** `npm run build` into `site`: the page, the server render, and the serve command. */
beforeAll(async () => {
  await bundleServer(bundle)
  await build({ root, logLevel: 'silent', build: { outDir: join(site, 'dist') } })
  await build({
    root,
    logLevel: 'silent',
    build: { ssr: 'src/entry-server.tsx', outDir: join(site, 'dist-ssr') },
  })
}, 60_000)
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
    // vite is imported only to build a missing or stale dist/ (`npm start` on a checkout) and by
    // `--dev`, never when `npm run build` has run first.
    expect([...new Set(outside)]).toEqual(['vite'])
  })

  it('renders with a compiled render that imports production dependencies only', () => {
    const ssrDir = join(site, 'dist-ssr')
    const files = readdirSync(ssrDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.js'),
    )
    const specifiers = files.flatMap((file) =>
      [...readFileSync(join(ssrDir, file), 'utf8').matchAll(/\bfrom\s*["']([^"']+)["']/g)].map(
        (match) => match[1] ?? '',
      ),
    )
    const packages = new Set(
      specifiers.filter((specifier) => !specifier.startsWith('.')).map(packageOf),
    )
    expect(packages.has('react-dom')).toBe(true)
    const outside = [...packages].filter(
      (name) =>
        !name.startsWith('node:') && !builtinModules.includes(name) && !(name in dependencies),
    )
    expect(outside).toEqual([])
  })

  it(
    'serves the console, rendered, and its emulator on plain node',
    { timeout: 15_000 },
    async () => {
      const { url, demoToken } = await startServe(['--db', ':memory:'])
      const signedOut = await fetch(`${url}/tokens`, { redirect: 'manual' })
      expect(signedOut.status).toBe(307)
      const { cookie } = await signInAt(url, demoToken)
      const page = await fetch(`${url}/tokens`, { headers: { Cookie: cookie } })
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('<title>Token console · OpenTrain</title>')
      // The rows are in the page: the compiled render ran, with the emulator's data.
      expect(html).toContain('data-token-id')
      const tokens = await fetch(`${url}/api/public/v1/tokens`, {
        headers: { Authorization: `Bearer ${demoToken}` },
      })
      expect(tokens.status).toBe(200)
    },
  )

  it('renders pages asked for at once each with its own session, never another’s', async () => {
    const { url, demoToken } = await startServe(['--db', ':memory:'])
    const created = await fetch(`${url}/api/public/v1/tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${demoToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Second session', scopes: ['jobs:read'] }),
    })
    const { token: second } = (await created.json()) as { token: string }
    const sessions = await Promise.all(
      [demoToken, second].map(async (token) => {
        const { response, cookie } = await signInAt(url, token)
        const me = (await response.json()) as { token: { id: string } }
        return { id: me.token.id, cookie }
      }),
    )
    // Twelve renders in flight together, alternating sessions: each marks its own token's row.
    const pages = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const session = sessions[index % 2] ?? sessions[0]
        const page = await fetch(`${url}/tokens?sort=created`, {
          headers: { Cookie: session?.cookie ?? '' },
        })
        return { session, html: await page.text() }
      }),
    )
    for (const { session, html } of pages) {
      const rows = html.split('data-token-id="').slice(1)
      const marked = rows
        .filter((row) => row.includes('This session'))
        .map((row) => row.split('"')[0])
      expect(marked).toEqual([session?.id])
    }
  }, 30_000)

  it('two serve processes given the same OT_SESSION_KEY accept each other’s sign-in cookie', async () => {
    const key = { OT_SESSION_KEY: Buffer.alloc(32, 5).toString('base64') }
    const first = await startServe(['--db', ':memory:'], key)
    // Behind one reverse proxy both would reach OpenTrain; here the second reaches the first's API.
    const second = await startServe([], { ...key, OT_API_BASE_URL: first.url })
    const { response: signedIn, cookie } = await signInAt(first.url, first.demoToken)
    expect(signedIn.status).toBe(200)
    const onSecond = await fetch(`${second.url}/api/public/v1/tokens`, {
      headers: { Cookie: cookie },
    })
    expect(onSecond.status).toBe(200)
    // Rendered there too, in upstream mode (OT_API_BASE_URL), with the first one's cookie.
    const page = await fetch(`${second.url}/tokens`, { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('data-token-id')

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
