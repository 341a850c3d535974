// The serve command's side of server rendering (docs/server-rendering.md): what it hands the
// compiled render (dist-ssr/entry-server.js) for one page request, and the headers of the answer.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openSession } from './session/sealed-session.ts'
import { clearedSessionCookies, readCookie, readSessionCookie } from './session/session-cookies.ts'
import type { SessionKeys } from './session/session-keys.ts'
import { proxyWithSession } from './session/session-routes.ts'
import type { Upstream } from './upstream.ts'

/** What src/entry-server.tsx renders with (its `PageRender`, restated for the server's types). */
interface PageRender {
  request: Request
  signedIn: boolean
  fetchApi: typeof fetch
  render: { now: number; locale: string; timeZone: string }
  nonce: string
  /** What closes `#root` and the document, after the render (its scripts go before it). */
  tail: string
}

/** src/entry-server.tsx's `renderPage`: `null` when the page is better drawn in the browser. */
export type PageRenderer = (page: PageRender) => Promise<Response | null>

/** The compiled render in `ssrDir` (`npm run build`), or `undefined` when there is none. */
export async function loadPageRenderer(ssrDir: string): Promise<PageRenderer | undefined> {
  const entry = join(ssrDir, 'entry-server.js')
  if (!existsSync(entry)) return undefined
  const module = (await import(pathToFileURL(entry).href)) as { renderPage: PageRenderer }
  return module.renderPage
}

/** Where the page's data goes (its id is src/lib/ssr/read-server-render.ts's). */
const SERVER_RENDER_SCRIPT = (json: string) =>
  `<script type="application/json" id="ot-server-render">${json}</script>`
const ROOT_OPEN = '<div id="root">'
const ROOT = `${ROOT_OPEN}</div>`
/** The early requests' script (vite.config.ts): a rendered page already holds their answers. */
const EARLY_SCRIPT =
  /<script type="module" async crossorigin src="[^"]*early-requests[^"]*"><\/script>\s*/
/**
 * The app's entry, as Vite writes it into index.html: `/assets/index-….js` in the head of a build,
 * `/src/main.tsx` in the body under `npm run dev` (not Vite's own client, `/@vite/client`).
 */
const ENTRY_SCRIPT =
  /<script type="module"(?: crossorigin)? src="(?!\/@vite\/)([^"]+)"(?: nonce="[^"]*")?><\/script>\s*/

/**
 * What `npm run dev` has Vite write as the nonce of its scripts (server/serve/vite-dev.ts): each
 * response puts its own in its place.
 */
export const DEV_NONCE = 'OT_DEV_NONCE'

export interface PageTemplate {
  /** The page as built, for the browser to draw (no render, or a render that fell back). */
  shell: string
  /**
   * A rendered page's two ends, or `null` when the page has no empty `#root` or no entry script to
   * render around (then every page is the shell). `head(json)` runs up to the opening of `#root`,
   * with `json` (the ServerRender) in its head; `tail(nonce)` closes `#root` and the document.
   */
  rendered: { head: (json: string) => string; tail: (nonce: string) => string } | null
}

/**
 * The built index.html, cut for rendered pages. The entry is only preloaded in the head, and the
 * tail imports it once the first frame is painted (`requestAnimationFrame`, then a task): the rows
 * show as soon as the HTML and the CSS are in, rather than after the app's code has run and
 * hydrated them (docs/server-rendering.md). That script is inline, allowed by the response's nonce.
 */
export function pageTemplate(indexHtml: string): PageTemplate {
  const at = indexHtml.indexOf(ROOT)
  const entry = ENTRY_SCRIPT.exec(indexHtml)?.[1]
  if (at < 0 || entry === undefined) return { shell: indexHtml, rendered: null }
  const preload = `<link rel="modulepreload" crossorigin href="${entry}">`
  const before = indexHtml
    .slice(0, at)
    .replace(EARLY_SCRIPT, '')
    .replace(ENTRY_SCRIPT, '')
    .replace('</head>', `  ${preload}\n  </head>`)
  const after = indexHtml.slice(at + ROOT.length).replace(ENTRY_SCRIPT, '')
  const start = `requestAnimationFrame(()=>setTimeout(()=>import(${JSON.stringify(entry)})))`
  return {
    shell: indexHtml,
    rendered: {
      head: (json) =>
        before.replace('</head>', `  ${SERVER_RENDER_SCRIPT(json)}\n  </head>`) + ROOT_OPEN,
      tail: (nonce) =>
        `</div>${after.replace('</body>', `  <script nonce="${nonce}">${start}</script>\n  </body>`)}`,
    },
  }
}

/** JSON safe inside a script element: no `</script>` or `<!--` can close or confuse it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c')
}

/** The browser's zone from `ot_tz` (src/lib/ssr/time-zone-cookie.ts) if Intl knows it, else UTC. */
function timeZoneOf(request: Request): string {
  const raw = readCookie(request, 'ot_tz')
  if (raw === null || raw.length > 64) return 'UTC'
  try {
    const zone = decodeURIComponent(raw)
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return 'UTC'
  }
}

/** The first language the browser asks for that Intl supports, else `en-US`. */
function localeOf(request: Request): string {
  const wanted = (request.headers.get('accept-language') ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter((tag) => tag !== '' && tag !== '*')
  for (const tag of wanted) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf([tag])
      if (supported) return supported
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return 'en-US'
}

/** The page CSP: the strict one, plus this response's nonce for the router's inline scripts. */
export function pageCsp(baseCsp: string, nonce: string): string {
  return baseCsp.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`)
}

interface RenderOptions {
  renderer: PageRenderer
  template: PageTemplate
  upstream: Upstream
  keys: SessionKeys
}

export interface RenderedPage {
  response: Response
  /** The nonce the response's CSP must allow. */
  nonce: string
}

/**
 * Pages whose render waits for the API (src/early-requests.ts names the same): signed in, their
 * answer is a 200 whatever the API does, so the head goes out at once and the browser fetches the
 * CSS and the app's code while the serve command fetches the data.
 */
const DATA_PAGES = new Set(['/tokens'])

const encoder = new TextEncoder()

/** `head`, then `body` (a render's stream, or nothing), then `end` when there was no body. */
function documentStream(
  head: string,
  body: Promise<ReadableStream<Uint8Array> | null>,
  end: string,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start: async (controller) => {
      controller.enqueue(encoder.encode(head))
      const stream = await body.catch((error: unknown) => {
        console.error('server render:', error)
        return null
      })
      if (stream === null) {
        controller.enqueue(encoder.encode(end))
        controller.close()
        return
      }
      const reader = stream.getReader()
      try {
        for (let part = await reader.read(); !part.done; part = await reader.read()) {
          controller.enqueue(part.value)
        }
        controller.close()
      } catch (error) {
        controller.error(error)
      }
    },
  })
}

const HTML_HEADERS = { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-store' }

/**
 * The page at `request`: rendered, or a redirect (signed out on /tokens, signed in on /sign-in),
 * or `null` when the browser should draw it from the shell. A session cookie that no longer opens
 * (expired, or the key changed) is cleared, and the page rendered signed out.
 */
export async function renderPageFor(
  request: Request,
  { renderer, template, upstream, keys }: RenderOptions,
): Promise<RenderedPage | null> {
  const { rendered } = template
  if (rendered === null) return null
  const sealed = readSessionCookie(request)
  const session = sealed === null ? null : openSession(sealed, keys)
  const nonce = randomBytes(16).toString('base64')
  const render = { now: Date.now(), locale: localeOf(request), timeZone: timeZoneOf(request) }
  const fetchApi: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers)
    const cookies = request.headers.get('cookie')
    if (cookies !== null) headers.set('cookie', cookies)
    return proxyWithSession(new Request(input, { ...init, headers }), upstream, keys)
  }
  const head = rendered.head(scriptJson(render)).replaceAll(DEV_NONCE, nonce)
  const tail = rendered.tail(nonce).replaceAll(DEV_NONCE, nonce)
  const renderPage = () =>
    renderer({ request, signedIn: session !== null, fetchApi, render, nonce, tail })

  if (session !== null && DATA_PAGES.has(new URL(request.url).pathname)) {
    // The render starts once the head is on its way (a macrotask later): with the emulator in
    // this process, its work would otherwise hold the head back. A render that fails ends the page
    // with an empty #root, and the browser draws it (main.tsx).
    const body = new Promise<void>((resolve) => setTimeout(resolve))
      .then(renderPage)
      .then((page) => (page?.status === 200 ? page.body : null))
    const response = new Response(documentStream(head, body, tail), { headers: HTML_HEADERS })
    return { response, nonce }
  }

  const page = await renderPage()
  if (page === null) return null
  // A redirect has no body; a page (200, or the not-found page's 404) goes between the two ends.
  const response =
    page.body === null
      ? new Response(null, page)
      : new Response(documentStream(head, Promise.resolve(page.body), tail), {
          status: page.status,
          headers: HTML_HEADERS,
        })
  response.headers.set('Cache-Control', 'no-store')
  if (sealed !== null && session === null) {
    for (const value of clearedSessionCookies(request)) response.headers.append('Set-Cookie', value)
  }
  return { response, nonce }
}
