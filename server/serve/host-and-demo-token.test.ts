// Who the serve command answers, and who gets the demo token (issue 19): a Host that names no host
// is a 400, and the emulator's demo token goes only to this machine unless --share-demo-token.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rawRequest, recording, serveOverHttp } from './serve-test-support.ts'

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

/** The console config as read over HTTP on this machine. */
async function configAt(port: number): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/console-config.json`)
  expect(response.status).toBe(200)
  return response.json()
}

describe('the demo token', () => {
  it('is offered to a client on this machine', async () => {
    const server = await serveOverHttp(recording().upstream)
    expect(await configAt(server.port)).toEqual({ demo: true })
  })

  // Tests send traffic to loopback only: the request comes over HTTP from here, and the app is told
  // the peer is on the network (a TEST-NET address), as a client there would be seen.
  it('is not offered to a client on another address unless --share-demo-token', async () => {
    const server = await serveOverHttp(recording().upstream, { clientAddress: '192.0.2.2' })
    expect(await configAt(server.port)).toEqual({})

    const shared = await serveOverHttp(recording().upstream, {
      clientAddress: '192.0.2.2',
      shareDemoToken: true,
    })
    expect(await configAt(shared.port)).toEqual({ demo: true })
  })

  it.each(['::1', '::ffff:127.0.0.1', '127.0.0.2'])(
    'goes to a loopback client at %s',
    async (peer) => {
      const server = await serveOverHttp(recording().upstream, { clientAddress: peer })
      expect(await configAt(server.port)).toEqual({ demo: true })
    },
  )
})
