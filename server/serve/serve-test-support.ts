import type { IncomingMessage } from 'node:http'
// Helpers for the serve command's tests over real HTTP: its app on a real server, an upstream that
// records what reaches it, and a raw socket for what node's own client will not send.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { startHttpServer, type StartedHttpServer } from '../start-http-server.ts'
import { createServeApp } from './serve-app.ts'
import type { SessionKeys } from './session/session-keys.ts'
import type { Upstream } from './upstream.ts'

export const DEMO_TOKEN = 'ot_pat_0123456789ab_demodemodemodemodemodemodemodemo'

/** An upstream that records what reaches it and answers `{}` unless `answer` says otherwise. */
export function recording(
  answer: () => Promise<Response> = () => Promise.resolve(Response.json({})),
) {
  const seen: Request[] = []
  const upstream: Upstream = (request) => {
    seen.push(request)
    return answer()
  }
  return { seen, upstream }
}

/** The serve app over `upstream`, on a real HTTP server on a free port; stopped after the test. */
export async function serveOverHttp(
  upstream: Upstream,
  {
    host = '127.0.0.1',
    shareDemoToken = false,
    clientAddress,
    sessionKeys,
    demoToken = DEMO_TOKEN,
  }: {
    host?: string
    shareDemoToken?: boolean
    sessionKeys?: SessionKeys
    /** The demo token the console's config offers (a real emulator's, in a session test). */
    demoToken?: string
    /** The peer address the app is told, as if the client came from the network (never dialled). */
    clientAddress?: string
  } = {},
): Promise<StartedHttpServer> {
  const dist = mkdtempSync(join(tmpdir(), 'serve-http-'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>')
  const app = createServeApp({
    distDir: dist,
    upstream,
    config: () => ({ demoToken }),
    shareDemoToken,
    ...(sessionKeys ? { sessionKeys } : {}),
  })
  const server = await startHttpServer(
    (request, env) =>
      app.fetch(
        request,
        clientAddress === undefined
          ? env
          : { ...env, incoming: { socket: { remoteAddress: clientAddress } } as IncomingMessage },
      ),
    { port: 0, host },
  )
  onTestFinished(async () => {
    await server.close()
    rmSync(dist, { recursive: true, force: true })
  })
  return server
}

export interface RawAnswer {
  status: number
  head: string
  body: string
}

/**
 * Writes `head` (request line and header lines, CRLF added) as is to `port`, then `body`, and
 * resolves with the answer once the server closes the connection (send `Connection: close`).
 */
export function rawRequest(port: number, head: readonly string[], body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(parseAnswer(received)))
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`)
  })
}

export function parseAnswer(received: string): RawAnswer {
  const split = received.indexOf('\r\n\r\n')
  const head = split === -1 ? received : received.slice(0, split)
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
    head,
    body: split === -1 ? '' : received.slice(split + 4),
  }
}
