import type { AddressInfo } from 'node:net'
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http'
import { serve, type HttpBindings } from '@hono/node-server'

export interface StartedHttpServer {
  url: string
  port: number
  /** The Node server itself, for its bounds. */
  server: Server
  close: () => Promise<void>
}

/** `http://host:port`, with IPv6 literals in brackets. */
function httpUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

/**
 * Connections open at once; more are closed as they arrive. Twice the load bench's 200 clients,
 * yet 512 proxied 64 KiB bodies are 32 MiB at worst, and with an upstream connection each they fit
 * the common soft limit of 1,024 file descriptors.
 */
export const MAX_CONNECTIONS = 512
/** How long a client may take to send its headers; a slow trickle is cut off after this. */
export const HEADERS_TIMEOUT_MS = 10_000
/** How long a whole request may take, body included: the proxy's 20 s upstream wait fits in it. */
export const REQUEST_TIMEOUT_MS = 30_000

/**
 * Serves `fetch` (which also gets the Node request) with @hono/node-server within the bounds above
 * and resolves once listening, with the real port when 0 picked a free one. `close` stops accepting
 * and drops idle keep-alives.
 */
/** Connect-style middleware that sees each request first and calls `next` for what it leaves. */
export type InFront = (request: IncomingMessage, response: ServerResponse, next: () => void) => void

/** node:http's createServer, with `inFront` before the listener it is given. */
function behind(inFront: InFront): typeof createServer {
  const create = (
    options: ServerOptions,
    listener: (request: IncomingMessage, response: ServerResponse) => void,
  ) =>
    createServer(options, (request, response) =>
      inFront(request, response, () => listener(request, response)),
    )
  // @hono/node-server calls it as `createServer(serverOptions, listener)`, one of its overloads.
  return create as typeof createServer
}

export function startHttpServer(
  fetch: (request: Request, env: HttpBindings) => Response | Promise<Response>,
  opts: { port: number; host: string; inFront?: InFront | undefined },
): Promise<StartedHttpServer> {
  const { inFront } = opts
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: async (request: Request, env) => fetch(request, env as HttpBindings),
      port: opts.port,
      hostname: opts.host,
      overrideGlobalObjects: false,
      serverOptions: { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
      // `npm run dev`: Vite's middleware answers its own requests (modules, hot reload) first.
      ...(inFront && { createServer: behind(inFront) }),
    }) as Server
    server.maxConnections = MAX_CONNECTIONS
    const onError = (error: Error): void => {
      server.close()
      reject(error)
    }
    server.once('error', onError)
    server.once('listening', () => {
      server.off('error', onError)
      const port = (server.address() as AddressInfo).port
      resolve({
        url: httpUrl(opts.host, port),
        port,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            server.closeIdleConnections()
          }),
      })
    })
  })
}
