// Who the serve command answers, and who gets the demo token (issue 19): a Host that names no host
// is a 400, and the emulator's demo token goes only to this machine unless --share-demo-token.
import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_TOKEN, rawRequest, recording, serveOverHttp } from './serve-test-support.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a malformed Host', () => {
  it.each(['256.0.0.1', '1.2.3.4.5', '4294967296', '256.0.0.1:8080'])(
    '%s gets 400 in the envelope on the API, without a stack in the log',
    async (host) => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      const { seen, upstream } = recording()
      const server = await serveOverHttp(upstream)
      for (const path of ['/api/public/v1/tokens', '/console-config.json', '/']) {
        const answer = await rawRequest(server.port, [
          `GET ${path} HTTP/1.1`,
          `Host: ${host}`,
          'Authorization: Bearer ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF',
          'Connection: close',
        ])
        expect(answer.status).toBe(400)
        expect(answer.body).not.toContain('ot_pat_')
        if (path.startsWith('/api/')) expect(answer.body).toContain('"code":"BAD_REQUEST"')
      }
      expect(seen).toHaveLength(0)
      expect(errors).not.toHaveBeenCalled()
    },
  )
})

/** This machine's address on a network interface, when it has one. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address

/** The console config as a client at `address` reads it, the server listening on all interfaces. */
async function configFrom(address: string, port: number): Promise<unknown> {
  const response = await fetch(`http://${address}:${port}/console-config.json`)
  expect(response.status).toBe(200)
  return response.json()
}

describe('the demo token', () => {
  it('goes to a client on this machine', async () => {
    const server = await serveOverHttp(recording().upstream)
    expect(await configFrom('127.0.0.1', server.port)).toEqual({ demoToken: DEMO_TOKEN })
  })

  it.skipIf(networkAddress === undefined)(
    'does not go to a client on another address unless --share-demo-token',
    async () => {
      const address = networkAddress ?? ''
      const server = await serveOverHttp(recording().upstream, { host: '0.0.0.0' })
      expect(await configFrom(address, server.port)).toEqual({})
      expect(await configFrom('127.0.0.1', server.port)).toEqual({ demoToken: DEMO_TOKEN })

      const shared = await serveOverHttp(recording().upstream, {
        host: '0.0.0.0',
        shareDemoToken: true,
      })
      expect(await configFrom(address, shared.port)).toEqual({ demoToken: DEMO_TOKEN })
    },
  )
})
