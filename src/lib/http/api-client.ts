import { z } from 'zod/mini'
import { ApiError } from './api-error'
import { REQUEST_TIMEOUT_MS, type EarlyResponse } from './early-responses'
import { parseRetryAfter } from './retry-after'

/** The `/api/public/v1` error envelope. Every field is optional: proxies and odd servers exist (D8). */
const errorEnvelopeSchema = z.object({
  error: z.optional(z.string()),
  code: z.optional(z.string()),
  requestId: z.optional(z.string()),
  details: z.optional(z.record(z.string(), z.unknown())),
})

type HttpMethod = 'GET' | 'POST' | 'DELETE'

interface RequestOptions<T> {
  method?: HttpMethod
  /** Path below the base URL, e.g. `/tokens`. Callers encode dynamic segments. */
  path: string
  /** Any zod schema (the app's are zod/mini); the answer is what it parses to. */
  schema: z.core.$ZodType<T>
  body?: unknown
  signal?: AbortSignal
}

interface ApiClientConfig {
  /** Absolute base URL, e.g. `https://console.example/api/public/v1`. */
  baseUrl: string
  timeoutMs?: number
  /**
   * An answer to this GET already on its way (see early-responses.ts): it is used instead of a new
   * request, and read, checked and turned into errors exactly as a fetched one.
   */
  takeEarlyGet?: (url: string) => EarlyResponse | undefined
}

export type ApiRequest = <T>(options: RequestOptions<T>) => Promise<T>

export function createApiClient(config: ApiClientConfig): ApiRequest {
  const base = config.baseUrl.replace(/\/+$/, '')
  const timeoutMs = config.timeoutMs ?? REQUEST_TIMEOUT_MS

  return async function request<T>(options: RequestOptions<T>): Promise<T> {
    const method = options.method ?? 'GET'
    const url = `${base}${options.path}`
    const headers = new Headers({ Accept: 'application/json' })
    if (options.body !== undefined) headers.set('Content-Type', 'application/json')

    const early = method === 'GET' ? config.takeEarlyGet?.(url) : undefined
    const timeout = early?.timeout ?? AbortSignal.timeout(timeoutMs)
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout

    let response: Response
    try {
      response = await (early
        ? untilAborted(early.response, options.signal)
        : fetch(url, {
            method,
            headers,
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
            signal,
            // The session is the serve command's cookie: sent to this origin only.
            credentials: 'same-origin',
            cache: 'no-store',
          }))
    } catch (error) {
      // A caller's own abort (react-query cancelling) must stay an AbortError so it is not shown.
      if (options.signal?.aborted) throw error
      if (timeout.aborted) {
        throw new ApiError({
          status: null,
          code: 'TIMEOUT',
          message: `The OpenTrain API did not answer within ${Math.round(timeoutMs / 1000)} seconds.`,
        })
      }
      throw new ApiError({
        status: null,
        code: 'NETWORK_ERROR',
        message: 'Could not reach the OpenTrain API. Check your connection and try again.',
      })
    }

    const headerRequestId = response.headers.get('X-Request-Id')
    const text = await readText(response, signal, options.signal)
    const json = parseJson(text)

    if (!response.ok) throw toHttpError(response, json, headerRequestId)

    if (json === undefined) {
      throw new ApiError({
        status: response.status,
        code: 'INVALID_RESPONSE',
        message: 'The OpenTrain API sent a response that is not JSON.',
        requestId: headerRequestId,
      })
    }
    const parsed = z.safeParse(options.schema, json)
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: 'INVALID_RESPONSE',
        message: 'The OpenTrain API sent a response this console does not understand.',
        requestId: headerRequestId,
        // Paths only: the values may hold a freshly minted secret.
        details: { issues: parsed.error.issues.map((issue) => issue.path.join('.') || '(root)') },
      })
    }
    return parsed.data
  }
}

/** `answer`, unless the caller aborts first: then its reason, as an aborted fetch rejects. */
function untilAborted(answer: Promise<Response>, callerSignal?: AbortSignal): Promise<Response> {
  if (!callerSignal) return answer
  return new Promise((resolve, reject) => {
    const abort = () => reject(callerSignal.reason as Error)
    if (callerSignal.aborted) abort()
    callerSignal.addEventListener('abort', abort, { once: true })
    answer.then(resolve, reject).finally(() => callerSignal.removeEventListener('abort', abort))
  })
}

async function readText(
  response: Response,
  signal: AbortSignal,
  callerSignal: AbortSignal | undefined,
): Promise<string> {
  try {
    return await response.text()
  } catch (error) {
    if (callerSignal?.aborted) throw error
    throw new ApiError({
      status: response.status,
      code: signal.aborted ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: 'The connection to the OpenTrain API broke before the answer was complete.',
      requestId: response.headers.get('X-Request-Id'),
    })
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function toHttpError(response: Response, json: unknown, headerRequestId: string | null): ApiError {
  const envelope = errorEnvelopeSchema.safeParse(json)
  const body = envelope.success ? envelope.data : {}
  const detailsRetry = body.details?.retryAfterSeconds
  const retryAfterSeconds =
    parseRetryAfter(response.headers.get('Retry-After')) ??
    (typeof detailsRetry === 'number' && detailsRetry > 0 ? Math.ceil(detailsRetry) : null)

  return new ApiError({
    status: response.status,
    code: body.code ?? codeForStatus(response.status),
    message: body.error ?? fallbackMessage(response),
    fromServer: body.error !== undefined,
    requestId: body.requestId ?? headerRequestId,
    details: body.details ?? null,
    retryAfterSeconds,
  })
}

function codeForStatus(status: number): string {
  if (status === 400 || status === 413) return 'BAD_REQUEST'
  if (status === 401) return 'UNAUTHORIZED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 429) return 'RATE_LIMITED'
  return 'INTERNAL_ERROR'
}

function fallbackMessage(response: Response): string {
  const label = response.statusText ? `${response.status} ${response.statusText}` : response.status
  return `The OpenTrain API answered ${label}.`
}
