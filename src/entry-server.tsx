// The serve command's render of a page (docs/server-rendering.md): the same route tree, loaders
// and components as the browser's, through TanStack Router's SSR support. `npm run build` compiles
// it for Node into dist-ssr/; the serve command imports it from there.
import { AsyncLocalStorage } from 'node:async_hooks'
import { dehydrate, QueryClientProvider } from '@tanstack/react-query'
import {
  createRequestHandler,
  createSsrStreamResponse,
  getSsrStatus,
  RouterServer,
  transformReadableStreamWithRouter,
} from '@tanstack/react-router/ssr/server'
import { StrictMode } from 'react'
import { renderToReadableStream } from 'react-dom/server'
import { createApp } from './create-app'
import { sendFromServer } from './features/session/api/api-request'
import type { SessionControls } from './features/session/api/session-controls'
import { createApiClient, type ApiRequest } from './lib/http/api-client'
import { ServerRenderContext, type ServerRender } from './lib/ssr/server-render'

export interface PageRender {
  /** The page's GET, as the browser sent it. */
  request: Request
  /** Whether the request's session cookie opened (the serve command checked it). */
  signedIn: boolean
  /** Sends an API request through the serve command's proxy, with the request's session. */
  fetchApi: typeof fetch
  /** The "now", locale and time zone the page is written with (the browser hydrates with them). */
  render: ServerRender
  /** The response's CSP nonce: TanStack Router's hydration scripts carry it. */
  nonce: string
  /** What closes `#root` and the document (the serve command sends the head itself). */
  tail: string
}

/** The route could not be drawn here (its data failed to load): the browser draws it instead. */
const DRAW_IN_BROWSER = null

/** The client of the request being rendered: loaders' fetchers send through it. */
const requests = new AsyncLocalStorage<ApiRequest>()
sendFromServer(() => {
  const client = requests.getStore()
  if (client === undefined) throw new Error('an API request outside a server render')
  return client
})

/** Nothing to sign out of in a render: a 401 makes the route fail, and the browser takes over. */
function sessionOf(signedIn: boolean): SessionControls {
  return { isSignedIn: () => signedIn, signOut: () => {}, onUnauthorized: () => {} }
}

/**
 * The page at `page.request`'s URL: a redirect (signed out on /tokens), what goes in `#root` (then
 * the router's scripts and `page.tail`), or DRAW_IN_BROWSER when a loader failed; the serve command
 * then sends the page without data, and the browser loads it as it always has, with its retries
 * and its error states.
 */
export function renderPage(page: PageRender): Promise<Response | typeof DRAW_IN_BROWSER> {
  const client = createApiClient({
    baseUrl: new URL('/api/public/v1', page.request.url).href,
    fetch: page.fetchApi,
  })
  return requests.run(client, () => render(page))
}

async function render(page: PageRender): Promise<Response | typeof DRAW_IN_BROWSER> {
  let app: ReturnType<typeof createApp> | undefined
  const handle = createRequestHandler({
    request: page.request,
    createRouter: () => {
      app = createApp({
        session: sessionOf(page.signedIn),
        // One try: the browser retries as it always does if this one fails.
        queryDefaults: { queries: { retry: false } },
        serverRender: (queryClient) => ({
          dehydrate: () => ({ queries: JSON.stringify(dehydrate(queryClient)) }),
          ssr: { nonce: page.nonce },
        }),
      })
      return app.router
    },
  })
  let failed = false
  const response = await handle(async ({ request, router, responseHeaders }) => {
    if (app === undefined || router.state.matches.some((match) => match.status === 'error')) {
      failed = true
      return new Response(null)
    }
    const content = await renderToReadableStream(
      <StrictMode>
        <QueryClientProvider client={app.queryClient}>
          <ServerRenderContext value={page.render}>
            <RouterServer router={router} />
          </ServerRenderContext>
        </QueryClientProvider>
      </StrictMode>,
      {
        signal: request.signal,
        nonce: page.nonce,
        progressiveChunkSize: Number.POSITIVE_INFINITY,
        onError: (error) => {
          if (!request.signal.aborted) console.error('server render:', error)
        },
      },
    )
    const body = transformReadableStreamWithRouter(router, followedBy(content, page.tail), {
      rendererSafePoint: 'script-close',
      signal: request.signal,
    })
    return createSsrStreamResponse(
      router,
      new Response(body, { status: getSsrStatus(router), headers: responseHeaders }),
    )
  })
  return failed ? DRAW_IN_BROWSER : response
}

/**
 * `content`, then `tail`, as one byte stream: the router adds its last scripts before the tail's
 * `</body></html>`.
 */
function followedBy(content: ReadableStream<Uint8Array>, tail: string): ReadableStream<Uint8Array> {
  const reader = content.getReader()
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      const { done, value } = await reader.read()
      if (!done) return controller.enqueue(value)
      controller.enqueue(new TextEncoder().encode(tail))
      controller.close()
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
