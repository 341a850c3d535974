// Only the API's own paths reach the upstream, each with its methods and never with a query
// string (issue 19): over real HTTP, with paths written as a probe sent them.
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { recording, serveOverHttp } from './serve-test-support.ts'

const AUTH = { Authorization: 'Bearer ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF' }

/** `method path` as written (node's client sends the path untouched), with a token. */
function send(url: string, method: string, path: string) {
  return new Promise<{ status: number; allow: string | undefined; body: string }>(
    (resolve, reject) => {
      const outgoing = httpRequest(`${url}${path}`, { method, headers: AUTH }, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }),
        )
      })
      outgoing.on('error', reject)
      outgoing.end()
    },
  )
}

describe('paths the proxy forwards', () => {
  it.each([
    ['GET', '/api/public/v1/auth/me'],
    ['GET', '/api/public/v1/tokens'],
    ['POST', '/api/public/v1/tokens'],
    ['DELETE', '/api/public/v1/tokens/tok_abcdefghij2345abcdef'],
    ['DELETE', `/api/public/v1/tokens/${'A-z_9'.repeat(12)}1234`],
    ['POST', '/api/agent/oauth/revoke'],
  ])('forwards %s %s as it is', async (method, path) => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    expect((await send(server.url, method, path)).status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(new URL(seen[0]?.url ?? '').pathname).toBe(path)
    expect(seen[0]?.method).toBe(method)
  })

  it('drops the query string: the API takes none', async () => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    await send(server.url, 'GET', '/api/public/v1/tokens?q=ot_pat_0123&cursor=..%2f')
    expect(seen[0]?.url).toBe(`${server.url}/api/public/v1/tokens`)
  })
})

describe('paths that never reach the upstream', () => {
  it.each([
    ['GET', '/api/public/v1/tokens/..;/..;/admin'],
    ['DELETE', '/api/public/v1/tokens/..;'],
    ['GET', '/api/public/v1/%252e%252e/%252e%252e/admin'],
    ['DELETE', '/api/public/v1/tokens/%252e%252e'],
    ['GET', '/api/public/v1/tokens/%ef%bc%8e%ef%bc%8e/%ef%bc%8e%ef%bc%8e/admin'],
    ['DELETE', '/api/public/v1/tokens/%ef%bc%8e%ef%bc%8e'],
    ['DELETE', '/api/public/v1/tokens/..%252fadmin'],
    ['DELETE', '/api/public/v1/tokens/tok%252f..'],
    ['GET', '/api/public/v1/admin'],
    ['GET', '/api/public/v1'],
    ['GET', '/api/public/v1/auth/me/x'],
    ['DELETE', `/api/public/v1/tokens/${'a'.repeat(65)}`],
    ['POST', '/api/agent/identity/revoke'],
    ['POST', '/api/agent/identity'],
  ])('%s %s gets 404', async (method, path) => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const { status, body } = await send(server.url, method, path)
    expect(status).toBe(404)
    expect(JSON.parse(body)).toMatchObject({ code: 'NOT_FOUND' })
    expect(seen).toHaveLength(0)
  })

  it.each([
    ['DELETE', '/api/public/v1/tokens', 'GET, HEAD, POST'],
    ['POST', '/api/public/v1/auth/me', 'GET, HEAD'],
    ['GET', '/api/public/v1/tokens/tok_abc', 'DELETE'],
    ['GET', '/api/agent/oauth/revoke', 'POST'],
  ])('%s %s gets 405 with the path’s own Allow', async (method, path, allow) => {
    const { seen, upstream } = recording()
    const server = await serveOverHttp(upstream)
    const answer = await send(server.url, method, path)
    expect(answer.status).toBe(405)
    expect(answer.allow).toBe(allow)
    expect(seen).toHaveLength(0)
  })
})
