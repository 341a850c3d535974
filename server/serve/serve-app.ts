import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { envelope, proxyRequest } from './proxy.ts'
import { PAGE_HEADERS, SECURITY_HEADERS } from './security-headers.ts'
import type { Upstream } from './upstream.ts'

interface ConsoleConfig {
  /** Only in emulator mode: the printed demo token, for the sign-in page's demo button. */
  demoToken?: string
}

interface ServeAppOptions {
  distDir: string
  upstream: Upstream
  /** Read on every request for /console-config.json (the demo token may have been re-minted). */
  config: () => ConsoleConfig
  /** `--bench-pages DIR`: served at `/__bench/` (npm run bench's baseline page); none by default. */
  benchPagesDir?: string | undefined
  /** Host names answered besides localhost and IP addresses (`OT_ALLOWED_HOSTS`). */
  allowedHosts?: readonly string[]
}

/** Where `benchPagesDir` is mounted. */
export const BENCH_PAGES_PATH = '/__bench'

/** Vite's fingerprinted scripts and stylesheets (a miss there is a plain 404, not a page). */
const ASSETS_PREFIX = '/assets/'
const isAsset = (path: string): boolean => path.startsWith(ASSETS_PREFIX)

/** The paths the console calls; nothing else is forwarded. */
const PROXIED = ['/api/public/v1', '/api/public/v1/*', '/api/agent/oauth/revoke'] as const

export function createServeApp({
  distDir,
  upstream,
  config,
  benchPagesDir,
  allowedHosts = [],
}: ServeAppOptions): Hono {
  const app = new Hono()
  const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8')
  const namedHosts = new Set(allowedHosts.map((name) => name.toLowerCase()))

  // First, so every answer has them, proxied ones and refusals included: an upstream's HTML
  // cannot run script on this origin.
  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
    if (isAsset(c.req.path)) return
    for (const [name, value] of Object.entries(PAGE_HEADERS)) c.res.headers.set(name, value)
  })

  // A page on another name that resolves here (DNS rebinding) must not read the demo token or
  // call the API through this origin: only localhost, IP addresses and configured names.
  app.use('*', async (c, next) => {
    // The request's URL carries the Host header's name (@hono/node-server builds it from it).
    if (isAllowedHost(new URL(c.req.url).hostname, namedHosts)) return next()
    const message = 'This console does not answer to that host name (see OT_ALLOWED_HOSTS).'
    return c.req.path.startsWith('/api/')
      ? envelope(403, 'FORBIDDEN', message)
      : c.text(message, 403, { 'Cache-Control': 'no-store' })
  })

  for (const path of PROXIED) app.all(path, (c) => proxyRequest(c.req.raw, upstream))
  app.all('/api/*', () => envelope(404, 'NOT_FOUND', 'This console does not serve that API path.'))

  app.get('/console-config.json', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json(config())
  })

  // The benchmark's baseline page: same origin and headers as the app, never cached, no fallback.
  if (benchPagesDir !== undefined) {
    app.get(BENCH_PAGES_PATH, (c) => c.redirect(`${BENCH_PAGES_PATH}/`))
    app.use(`${BENCH_PAGES_PATH}/*`, async (c, next) => {
      c.header('Cache-Control', 'no-store')
      await next()
    })
    app.use(
      `${BENCH_PAGES_PATH}/*`,
      serveStatic({
        root: benchPagesDir,
        rewriteRequestPath: (path) => path.slice(BENCH_PAGES_PATH.length),
      }),
    )
    app.get(`${BENCH_PAGES_PATH}/*`, (c) => c.text('Not found', 404))
  }

  // Vite fingerprints asset names, so a URL never changes content: cache it for a year. The header
  // is set before serveStatic builds its response (headers set in its onFound are lost), and a
  // miss takes it back. Brotli or gzip copies written at build time are sent when accepted.
  app.use('/assets/*', async (c, next) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    await next()
    // Never revalidated (immutable), so a validator is only bytes on the wire.
    c.res.headers.delete('Last-Modified')
  })
  app.use('/assets/*', serveStatic({ root: distDir, precompressed: true }))
  app.get('/assets/*', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.text('Not found', 404)
  })
  // Anything else served from dist/ (index.html, public files) is revalidated on every visit.
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-cache')
    await next()
  })
  app.use('*', serveStatic({ root: distDir, index: 'no-directory-index', precompressed: true }))

  // Single-page fallback: any other GET is a client route.
  app.get('*', (c) => c.html(indexHtml))
  return app
}

/**
 * Host names this server answers: localhost and IP literals (a rebinding attack needs a name it
 * controls), and the configured ones.
 */
function isAllowedHost(name: string, named: ReadonlySet<string>): boolean {
  const hostname = name.toLowerCase()
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true
  if (hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname)) return true
  return named.has(hostname)
}
