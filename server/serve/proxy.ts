import { randomUUID } from 'node:crypto'
import type { WireError } from '../emulator/wire-types.ts'
import { errorMessage } from '../error-message.ts'
import { proxiedMethods } from './proxied-routes.ts'
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

/**
 * The console's own bodies are under 1 KB and the API takes at most 64 KiB (D15): more is never
 * read, so a flood of large uploads cannot fill the serve process's memory.
 */
const MAX_BODY_BYTES = 64 * 1024

/** The API's answers are small JSON (25 tokens at most); a decoded answer over this is refused. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024

/** Well under the console's own 30 s request timeout: the person hears why before it gives up. */
export const UPSTREAM_TIMEOUT_MS = 20_000

/** On a refusal sent before the body is read: the connection closes instead of taking the rest. */
const CLOSE = { Connection: 'close' }

/** A copy of only the `names` headers of `source` that are present. */
function pickHeaders(source: Headers, names: readonly string[]): Headers {
  const picked = new Headers()
  for (const name of names) {
    const value = source.get(name)
    if (value !== null) picked.set(name, value)
  }
  return picked
}

/** `application/json` or a `+json` type: the only answers the API gives. */
export function isJson(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)
}

/**
 * All of `stream`, or `null` when it is over `limit`: it is read only up to it, then cancelled.
 * A declared `Content-Length` over the limit is refused before a byte is read.
 */
async function readWithin(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  declaredLength: string | null,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(declaredLength ?? 0) > limit) {
    void stream?.cancel().catch(() => {})
    return null
  }
  if (!stream) return new Uint8Array(0)
  const reader = stream.getReader()
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
 * Forwards one API request upstream (only the API's paths, no query string, only JSON back), never
 * logging the Authorization header or a body, and aborts it on timeout or when the browser goes
 * away. Refusals and upstream failures are the API's error envelope (statuses: D15).
 */
export async function proxyRequest(
  request: Request,
  upstream: Upstream,
  { timeoutMs = UPSTREAM_TIMEOUT_MS }: ProxyOptions = {},
): Promise<Response> {
  const { origin, pathname } = new URL(request.url)
  const methods = proxiedMethods(pathname)
  if (methods === null) {
    return envelope(404, 'NOT_FOUND', 'This console does not serve that API path.')
  }
  if (!methods.includes(request.method)) {
    return envelope(405, 'BAD_REQUEST', `${request.method} is not supported here.`, {
      Allow: methods.join(', '),
    })
  }
  // Two headers arrive joined with a comma (a single bearer credential never holds one); which of
  // them an upstream would read is not for this proxy to guess.
  const authorization = request.headers.get('authorization')
  if (authorization?.includes(',')) {
    return envelope(400, 'BAD_REQUEST', 'Send one Authorization header, not several.', CLOSE)
  }
  // The upstream would answer 401 (§4.1); saying so before the body is read is what keeps a flood
  // of anonymous uploads from costing memory. The agent revoke path takes no header (§5.4).
  if (authorization === null && pathname.startsWith('/api/public/')) {
    return envelope(
      401,
      'UNAUTHORIZED',
      'Missing API token: send Authorization: Bearer ot_pat_….',
      CLOSE,
    )
  }
  const headers = pickHeaders(request.headers, FORWARDED_REQUEST_HEADERS)
  let body: Uint8Array<ArrayBuffer> | null | undefined
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    try {
      body = await readWithin(request.body, MAX_BODY_BYTES, request.headers.get('content-length'))
    } catch {
      // The browser went away mid-upload: one line, and nobody left to answer.
      console.error(`proxy: upload cut off for ${request.method} ${pathname}`)
      return envelope(400, 'BAD_REQUEST', 'The request body was cut off.', CLOSE)
    }
    if (body === null) return envelope(413, 'BAD_REQUEST', 'The request body is too large.', CLOSE)
  }

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
  let payload: Uint8Array<ArrayBuffer> | null
  try {
    response = await Promise.race([
      upstream(
        new Request(`${origin}${pathname}`, {
          method: request.method,
          headers,
          body,
          signal: controller.signal,
        }),
      ),
      aborted,
    ])
    if (!isJson(response.headers.get('content-type'))) {
      void response.body?.cancel().catch(() => {})
      console.error(`proxy: upstream answered ${request.method} ${pathname} with no JSON`)
      return envelope(
        502,
        'INTERNAL_ERROR',
        'The OpenTrain API answered with something other than JSON.',
      )
    }
    // Inside the timeout too: an upstream that sends its headers and then stalls is cut off.
    payload = await Promise.race([
      readWithin(response.body, MAX_ANSWER_BYTES, response.headers.get('content-length')),
      aborted,
    ])
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
  if (payload === null) {
    console.error(`proxy: upstream answer to ${request.method} ${pathname} over 32 MiB`)
    return envelope(502, 'INTERNAL_ERROR', 'The OpenTrain API answered with too much data.')
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
