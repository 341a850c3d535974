import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HttpBindings } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import {
  DEV_NONCE,
  pageCsp,
  pageTemplate,
  renderPageFor,
  type PageRenderer,
} from './page-render.ts'
import { envelope } from './proxy.ts'
import { PAGE_HEADERS, SECURITY_HEADERS } from './security-headers.ts'
import { sessionKeysFrom, type SessionKeys } from './session/session-keys.ts'
import { mountSessionRoutes, proxyWithSession } from './session/session-routes.ts'
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
  /**
   * `--share-demo-token`: the demo token goes to any client. By default only a client on this
   * machine (a loopback address) gets it: bound to 0.0.0.0, anyone on the network would otherwise
   * be handed a token with every scope.
   */
  shareDemoToken?: boolean
  /** Seal and open the session cookie (`OT_SESSION_KEY`); a random key when not given. */
  sessionKeys?: SessionKeys
  /**
   * The compiled server render (dist-ssr/, docs/server-rendering.md): pages are rendered with
   * their data. Without it every page is the built index.html, drawn by the browser.
   */
  renderPage?: PageRenderer | undefined
  /**
   * `npm run dev`: the page as Vite serves it for a URL (server/serve/vite-dev.ts), read on every
   * request instead of `distDir`'s built index.html.
   */
  pageHtml?: ((url: string) => Promise<string>) | undefined
}

/** Where `benchPagesDir` is mounted. */
export const BENCH_PAGES_PATH = '/__bench'

/** Vite's fingerprinted scripts and stylesheets (a miss there is a plain 404, not a page). */
const ASSETS_PREFIX = '/assets/'
const isAsset = (path: string): boolean => path.startsWith(ASSETS_PREFIX)

const PAGE_CSP = SECURITY_HEADERS['Content-Security-Policy'] ?? ''
/** Added to the page CSP on API answers: whatever an upstream sends never runs as a document. */
const API_CSP = `${PAGE_CSP}; sandbox`

export function createServeApp({
  distDir,
  upstream,
  config,
  benchPagesDir,
  allowedHosts = [],
  shareDemoToken = false,
  sessionKeys = sessionKeysFrom(undefined),
  renderPage,
  pageHtml,
}: ServeAppOptions): Hono<{ Bindings: Partial<HttpBindings> }> {
  const app = new Hono<{ Bindings: Partial<HttpBindings> }>()
  /** A rendered page's CSP nonce, by request: its inline hydration scripts carry it. */
  const pageNonces = new WeakMap<Request, string>()
  const built = pageHtml ? null : pageTemplate(readFileSync(join(distDir, 'index.html'), 'utf8'))
  const templateFor = async (url: string) => built ?? pageTemplate((await pageHtml?.(url)) ?? '')
  const namedHosts = new Set(allowedHosts.map((name) => name.toLowerCase()))

  // First, so every answer has them, proxied ones and refusals included: an upstream's HTML
  // cannot run script on this origin.
  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
    if (c.req.path.startsWith('/api/')) c.res.headers.set('Content-Security-Policy', API_CSP)
    const nonce = pageNonces.get(c.req.raw)
    if (nonce !== undefined) c.res.headers.set('Content-Security-Policy', pageCsp(PAGE_CSP, nonce))
    if (isAsset(c.req.path)) return
    for (const [name, value] of Object.entries(PAGE_HEADERS)) c.res.headers.set(name, value)
  })

  // A page on another name that resolves here (DNS rebinding) must not read the demo token or
  // call the API through this origin: only localhost, IP addresses and configured names.
  app.use('*', async (c, next) => {
    // The request's URL carries the Host header's name (@hono/node-server builds it from it);
    // a name that is no host at all (`256.0.0.1`, `4294967296`) does not parse.
    const hostname = URL.parse(c.req.url)?.hostname
    if (hostname === undefined) {
      const message = 'The Host header does not name a host.'
      return c.req.path.startsWith('/api/')
        ? envelope(400, 'BAD_REQUEST', message)
        : c.text(message, 400, { 'Cache-Control': 'no-store' })
    }
    if (isAllowedHost(hostname, namedHosts)) return next()
    const message = 'This console does not answer to that host name (see OT_ALLOWED_HOSTS).'
    return c.req.path.startsWith('/api/')
      ? envelope(403, 'FORBIDDEN', message)
      : c.text(message, 403, { 'Cache-Control': 'no-store' })
  })

  app.all('/api/*', (c) => proxyWithSession(c.req.raw, upstream, sessionKeys))

  // The demo token goes (or signs in) only where it is offered: see `shareDemoToken`.
  const demoTokenFor = (env: Partial<HttpBindings> | undefined) =>
    shareDemoToken || isLoopback(env?.incoming?.socket.remoteAddress)
      ? config().demoToken
      : undefined
  mountSessionRoutes(app, { upstream, keys: sessionKeys, demoTokenFor })

  app.get('/console-config.json', (c) => {
    c.header('Cache-Control', 'no-store')
    // `demo`: a demo sign-in is offered (POST /console/session/demo). Never the token itself.
    return c.json(demoTokenFor(c.env) === undefined ? {} : { demo: true })
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

  // Any other GET is a route: rendered with its data when the server render is built, else (or
  // when its data failed to load) the page the browser draws itself.
  app.get('*', async (c) => {
    const template = await templateFor(c.req.url)
    if (renderPage !== undefined) {
      const options = { renderer: renderPage, template, upstream, keys: sessionKeys }
      const rendered = await renderPageFor(c.req.raw, options)
      if (rendered !== null) {
        pageNonces.set(c.req.raw, rendered.nonce)
        return rendered.response
      }
    }
    if (!template.shell.includes(DEV_NONCE)) return c.html(template.shell)
    // `npm run dev`'s page without a render: its scripts get a nonce of their own too.
    const nonce = randomBytes(16).toString('base64')
    pageNonces.set(c.req.raw, nonce)
    return c.html(template.shell.replaceAll(DEV_NONCE, nonce))
  })
  return app
}

/** A client on this machine: 127.0.0.0/8 or ::1, IPv4-mapped or not. */
function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false
  return address === '::1' || /^(?:::ffff:)?127\./.test(address)
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
