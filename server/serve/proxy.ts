import { randomUUID } from 'node:crypto'
import type { WireError } from '../emulator/wire-types.ts'
import { errorMessage } from '../error-message.ts'
import type { Upstream } from './upstream.ts'

/** The only request headers the console needs; cookies and everything else stay behind. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept'] as const

/** Response headers worth passing back; hop-by-hop, cookies and encodings are dropped. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'x-request-id',
  'retry-after',
  'www-authenticate',
  'cache-control',
  'ratelimit',
  'ratelimit-policy',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
] as const

const MAX_BODY_BYTES = 1024 * 1024

/** A copy of only the `names` headers of `source` that are present. */
function pickHeaders(source: Headers, names: readonly string[]): Headers {
  const picked = new Headers()
  for (const name of names) {
    const value = source.get(name)
    if (value !== null) picked.set(name, value)
  }
  return picked
}

/**
 * Forwards one API request upstream. It never logs the Authorization header or any body; when the
 * upstream cannot be reached it answers with the API's own error envelope (502, INTERNAL_ERROR).
 */
export async function proxyRequest(request: Request, upstream: Upstream): Promise<Response> {
  const headers = pickHeaders(request.headers, FORWARDED_REQUEST_HEADERS)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const body = hasBody ? await request.arrayBuffer() : undefined
  if (body && body.byteLength > MAX_BODY_BYTES) {
    return envelope(413, 'BAD_REQUEST', 'The request body is too large.')
  }

  let response: Response
  try {
    response = await upstream(new Request(request.url, { method: request.method, headers, body }))
  } catch (error) {
    const { pathname } = new URL(request.url)
    console.error(
      `proxy: upstream unreachable for ${request.method} ${pathname}: ${errorMessage(error)}`,
    )
    return envelope(
      502,
      'INTERNAL_ERROR',
      'The OpenTrain API could not be reached through the console.',
    )
  }

  const responseHeaders = pickHeaders(response.headers, FORWARDED_RESPONSE_HEADERS)
  responseHeaders.set('cache-control', 'no-store')
  const payload = await response.arrayBuffer()
  return new Response(request.method === 'HEAD' ? null : payload, {
    status: response.status,
    statusText: response.statusText,
    headers: responseHeaders,
  })
}

export function envelope(status: number, code: string, error: string): Response {
  const requestId = randomUUID()
  return Response.json({ error, code, requestId } satisfies WireError, {
    status,
    headers: { 'X-Request-Id': requestId, 'Cache-Control': 'no-store' },
  })
}
