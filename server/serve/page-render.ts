// The serve command's side of server rendering (docs/server-rendering.md): what it hands the
// compiled render (dist-ssr/entry-server.js) for one page request, and the headers of the answer.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openSession } from './session/sealed-session.ts'
import { clearedSessionCookies, readSessionCookie } from './session/session-cookies.ts'
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
  template: { head: string; tail: string }
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

export interface PageTemplate {
  /** The page as built, for the browser to draw (no render, or a render that fell back). */
  shell: string
  /**
   * The halves a render goes between, with `json` (the ServerRender) in the head; `null` when the
   * page has no empty `#root` to render into (then every page is the shell).
   */
  halves: ((json: string) => { head: string; tail: string }) | null
}

export function pageTemplate(indexHtml: string): PageTemplate {
  const at = indexHtml.indexOf(ROOT)
  if (at < 0) return { shell: indexHtml, halves: null }
  const before = indexHtml.slice(0, at).replace(EARLY_SCRIPT, '')
  const after = indexHtml.slice(at + ROOT.length)
  return {
    shell: indexHtml,
    halves: (json) => ({
      head: before.replace('</head>', `  ${SERVER_RENDER_SCRIPT(json)}\n  </head>`) + ROOT_OPEN,
      tail: `</div>${after}`,
    }),
  }
}

/** JSON safe inside a script element: no `</script>` or `<!--` can close or confuse it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c')
}

function cookie(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return undefined
}

/** The browser's zone from `ot_tz` (src/lib/ssr/time-zone-cookie.ts) if Intl knows it, else UTC. */
function timeZoneOf(request: Request): string {
  const zone = cookie(request, 'ot_tz')
  if (zone === undefined || zone.length > 64) return 'UTC'
  try {
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
 * The page at `request`: rendered, or a redirect (signed out on /tokens, signed in on /sign-in),
 * or `null` when the browser should draw it from the shell. A session cookie that no longer opens
 * (expired, or the key changed) is cleared, and the page rendered signed out.
 */
export async function renderPageFor(
  request: Request,
  { renderer, template, upstream, keys }: RenderOptions,
): Promise<RenderedPage | null> {
  const { halves } = template
  if (halves === null) return null
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
  const answer = await renderer({
    request,
    signedIn: session !== null,
    fetchApi,
    render,
    nonce,
    template: halves(scriptJson(render)),
  })
  if (answer === null) return null
  const response = new Response(answer.body, answer)
  response.headers.set('Cache-Control', 'no-store')
  if (sealed !== null && session === null) {
    for (const value of clearedSessionCookies(request)) response.headers.append('Set-Cookie', value)
  }
  return { response, nonce }
}
