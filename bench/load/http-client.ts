// The load bench's HTTP client: node:http over a keep-alive agent with a socket per client, so 200
// clients hold 200 connections and each request times only itself (global fetch offers no way to
// size its connection pool without importing undici, which is not a dependency).
import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'

export interface Answer {
  /** The HTTP status, or 0 when no response came (the error says why). */
  status: number
  /** From the request's start until its body's last byte. */
  ms: number
  body: Buffer
  error?: string
}

export interface HttpClient {
  send: (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ) => Promise<Answer>
  /** Connections opened so far (each client's first request opens its own). */
  connectionsOpened: () => number
  /** Closes every connection, idle or not: the clients are gone. */
  close: () => void
}

export function httpClient(baseUrl: string, connections: number): HttpClient {
  const { hostname, port } = new URL(baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections })
  let opened = 0
  return {
    send: (method, path, headers, body) =>
      new Promise<Answer>((resolve) => {
        const started = performance.now()
        const failed = (error: Error) =>
          resolve({
            status: 0,
            ms: performance.now() - started,
            body: Buffer.alloc(0),
            error: error.message,
          })
        const outgoing = request(
          {
            hostname,
            port,
            method,
            path,
            agent,
            headers:
              body === undefined
                ? headers
                : { ...headers, 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('error', failed)
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                ms: performance.now() - started,
                body: Buffer.concat(chunks),
              }),
            )
          },
        )
        outgoing.on('socket', (socket) => {
          if (socket.connecting) opened += 1
        })
        outgoing.on('error', failed)
        outgoing.end(body)
      }),
    connectionsOpened: () => opened,
    close: () => agent.destroy(),
  }
}
