// `npm run dev` (`--dev`): Vite in middleware mode in front of the serve app. The browser gets
// Vite's modules and hot reload; pages are rendered from the sources (ssrLoadModule reloads
// src/entry-server.tsx and what it imports when they change), so no build is needed.
import { readFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { join } from 'node:path'
import type { ViteDevServer } from 'vite'
import type { InFront } from '../start-http-server.ts'
import { DEV_NONCE, type PageRenderer } from './page-render.ts'

export interface ViteDev {
  renderPage: PageRenderer
  /** index.html as Vite serves it for `url` (its client, React Refresh, the entry from src/). */
  pageHtml: (url: string) => Promise<string>
  inFront: InFront
  /** Starts Vite on `server`, whose port its hot reload then shares (the page's CSP allows it). */
  attach: (server: Server) => Promise<void>
  close: () => Promise<void>
}

export function viteDev(rootDir: string): ViteDev {
  let vite: ViteDevServer | undefined
  let started: (server: ViteDevServer) => void = () => {}
  const ready = new Promise<ViteDevServer>((resolve) => (started = resolve))
  const indexHtml = join(rootDir, 'index.html')
  return {
    renderPage: async (page) => {
      const entry = (await (await ready).ssrLoadModule('/src/entry-server.tsx')) as {
        renderPage: PageRenderer
      }
      return entry.renderPage(page)
    },
    pageHtml: async (url) =>
      (await ready).transformIndexHtml(url, await readFile(indexHtml, 'utf8')),
    // Until Vite has started, requests go to the serve app (which waits for it to render).
    inFront: (request, response, next) => {
      if (vite === undefined) next()
      else vite.middlewares(request, response, next)
    },
    attach: async (server) => {
      const { createServer } = await import('vite')
      vite = await createServer({
        root: rootDir,
        appType: 'custom',
        server: { middlewareMode: true, hmr: { server } },
        // Every script Vite writes into the page carries this, replaced by each response's
        // nonce: the dev page runs under the same CSP as a built one.
        html: { cspNonce: DEV_NONCE },
      })
      started(vite)
    },
    close: async () => {
      await vite?.close()
    },
  }
}
