import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'

export interface StartedHttpServer {
  url: string
  port: number
  close: () => Promise<void>
}

/** `http://host:port`, with IPv6 literals in brackets. */
function httpUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

/**
 * Serves `fetch` over HTTP with @hono/node-server and resolves once listening (port 0 picks a
 * free port; the real one is returned). `close` stops accepting and drops idle keep-alives.
 */
export function startHttpServer(
  fetch: (request: Request) => Response | Promise<Response>,
  opts: { port: number; host: string },
): Promise<StartedHttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: async (request: Request) => fetch(request),
      port: opts.port,
      hostname: opts.host,
      overrideGlobalObjects: false,
    }) as Server
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
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            server.closeIdleConnections()
          }),
      })
    })
  })
}
