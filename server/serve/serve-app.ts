import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { envelope, proxyRequest } from './proxy.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import type { Upstream } from './upstream.ts'

interface ConsoleConfig {
  /** Only in emulator mode: the printed demo token, for the sign-in page's demo button. */
  demoToken?: string
}

interface ServeAppOptions {
  distDir: string
  upstream: Upstream
  config: ConsoleConfig
}

/** The paths the console calls; nothing else is forwarded. */
const PROXIED = ['/api/public/v1', '/api/public/v1/*', '/api/agent/oauth/revoke'] as const

export function createServeApp({ distDir, upstream, config }: ServeAppOptions): Hono {
  const app = new Hono()
  const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8')

  for (const path of PROXIED) app.all(path, (c) => proxyRequest(c.req.raw, upstream))
  app.all('/api/*', () => envelope(404, 'NOT_FOUND', 'This console does not serve that API path.'))

  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value)
  })

  app.get('/console-config.json', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json(config)
  })

  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        // Vite fingerprints asset names, so they never change under the same URL.
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.get('/assets/*', (c) => c.text('Not found', 404))
  app.use('*', serveStatic({ root: distDir, index: 'no-directory-index' }))

  // Single-page fallback: any other GET is a client route.
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(indexHtml)
  })
  return app
}
