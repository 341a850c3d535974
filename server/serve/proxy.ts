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

/** Well under the console's own 30 s request timeout: the person hears why before it gives up. */
export const UPSTREAM_TIMEOUT_MS = 20_000

/** The methods the OpenTrain API has on these paths (§3); anything else is 405, never forwarded. */
const PROXIED_METHODS = ['GET', 'HEAD', 'POST', 'DELETE'] as const

/**
 * A path that an upstream could read differently from this proxy: an encoded `/` or `\`, a NUL,
 * or a segment that decodes to `.` or `..` (`..%2f..%2fadmin` would climb out of `/api/public/v1`
 * on a server that decodes before routing).
 */
function isAmbiguousPath(pathname: string): boolean {
  if (/%2f|%5c|%00|\\/i.test(pathname)) return true
  return pathname.split('/').some((segment) => {
    try {
      const decoded = decodeURIComponent(segment)
      return decoded === '.' || decoded === '..'
    } catch {
      return true // malformed percent-encoding
    }
  })
}

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
 * The request's body, or `null` when it is over `limit`: a declared `Content-Length` over it is
 * refused before a byte is read, and a chunked body is read only up to it, then cancelled. A 400 MB
 * upload never sits in memory.
 */
async function readBodyWithin(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) {
    void request.body?.cancel().catch(() => {})
    return null
  }
  if (!request.body) return new Uint8Array(0)
  const reader: ReadableStreamDefaultReader<Uint8Array> = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      void reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(new ArrayBuffer(size))
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

interface ProxyOptions {
  /** How long the upstream may take, its body included; UPSTREAM_TIMEOUT_MS by default. */
  timeoutMs?: number
}

/**
 * Forwards one API request upstream. It never logs the Authorization header or any body. It
 * answers in the API's own error envelope when it will not forward (405 for a method the API does
 * not have, 400 for a path an upstream could read differently, 413 for a body over 1 MiB) and when
 * the upstream fails (502 when it cannot be reached, 504 when it does not answer in time). The
 * upstream request is aborted on that timeout, and when the browser goes away.
 */
export async function proxyRequest(
  request: Request,
  upstream: Upstream,
  { timeoutMs = UPSTREAM_TIMEOUT_MS }: ProxyOptions = {},
): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (!(PROXIED_METHODS as readonly string[]).includes(request.method)) {
    return envelope(405, 'BAD_REQUEST', `${request.method} is not supported here.`, {
      Allow: PROXIED_METHODS.join(', '),
    })
  }
  if (isAmbiguousPath(pathname)) {
    return envelope(
      400,
      'BAD_REQUEST',
      'The request path holds an encoded separator or dot segment.',
    )
  }
  const headers = pickHeaders(request.headers, FORWARDED_REQUEST_HEADERS)
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const body = hasBody ? await readBodyWithin(request, MAX_BODY_BYTES) : undefined
  if (body === null) return envelope(413, 'BAD_REQUEST', 'The request body is too large.')

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const clientGone = () => controller.abort()
  request.signal.addEventListener('abort', clientGone)
  // Settles on the abort whether or not the upstream honours its signal.
  let rejectOnAbort = () => {}
  const aborted = new Promise<never>((_resolve, reject) => {
    rejectOnAbort = () => reject(new Error('aborted'))
    controller.signal.addEventListener('abort', rejectOnAbort)
  })
  let response: Response
  let payload: ArrayBuffer
  try {
    response = await Promise.race([
      upstream(
        new Request(request.url, {
          method: request.method,
          headers,
          body,
          signal: controller.signal,
        }),
      ),
      aborted,
    ])
    // Inside the timeout too: an upstream that sends its headers and then stalls is cut off.
    payload = await Promise.race([response.arrayBuffer(), aborted])
  } catch (error) {
    if (timedOut) {
      console.error(`proxy: upstream timed out for ${request.method} ${pathname}`)
      return envelope(504, 'INTERNAL_ERROR', 'The OpenTrain API did not answer in time.')
    }
    if (request.signal.aborted) {
      // Nobody is left to read this; the upstream request was cancelled with the browser's.
      return envelope(502, 'INTERNAL_ERROR', 'The request was cancelled.')
    }
    console.error(
      `proxy: upstream unreachable for ${request.method} ${pathname}: ${errorMessage(error)}`,
    )
    return envelope(
      502,
      'INTERNAL_ERROR',
      'The OpenTrain API could not be reached through the console.',
    )
  } finally {
    clearTimeout(timer)
    request.signal.removeEventListener('abort', clientGone)
    // undici's Request (the upstream call above) holds on to its signal in a FinalizationRegistry
    // until the Request is collected; a listener left on it kept `aborted`, the races on it and so
    // the response and its body alive for a GC cycle or more after the answer. Under load (npm run
    // bench -- --load-only) the heap grew by about 10 MB a second and stayed there once idle.
    controller.signal.removeEventListener('abort', rejectOnAbort)
  }

  const responseHeaders = pickHeaders(response.headers, FORWARDED_RESPONSE_HEADERS)
  responseHeaders.set('cache-control', 'no-store')
  return new Response(request.method === 'HEAD' ? null : payload, {
    status: response.status,
    statusText: response.statusText,
    headers: responseHeaders,
  })
}

export function envelope(
  status: number,
  code: string,
  error: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const requestId = randomUUID()
  return Response.json({ error, code, requestId } satisfies WireError, {
    status,
    headers: { 'X-Request-Id': requestId, 'Cache-Control': 'no-store', ...extraHeaders },
  })
}
