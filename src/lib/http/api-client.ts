import { ApiError } from './api-error'
import { REQUEST_TIMEOUT_MS, type EarlyResponse } from './early-responses'
import { parseRetryAfter } from './retry-after'

/** The `/api/public/v1` error envelope. Every field is optional: proxies and odd servers exist (D8). */
interface ErrorEnvelope {
  error?: string
  code?: string
  requestId?: string
  details?: Record<string, unknown>
}

/**
 * What an answer is checked with: any Standard Schema (the app's are zod/mini schemas), read
 * through its `~standard` interface, so this client imports no validation library itself.
 */
interface AnswerSchema<T> {
  readonly '~standard': {
    readonly validate: (value: unknown) => ValidationResult<T> | Promise<ValidationResult<T>>
  }
}

type ValidationResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | {
      readonly issues: readonly {
        readonly path?: readonly (PropertyKey | { key: PropertyKey })[]
      }[]
    }

type HttpMethod = 'GET' | 'POST' | 'DELETE'

interface RequestOptions<T> {
  method?: HttpMethod
  /** Path below the base URL, e.g. `/tokens`. Callers encode dynamic segments. */
  path: string
  /**
   * What the answer must be; the answer is what it parses to. A function loads it while the
   * request is on its way: the first render's fetchers keep zod out of the first download.
   */
  schema: AnswerSchema<T> | (() => Promise<AnswerSchema<T>>)
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
  /** The server's render sends through the serve command's proxy in-process (src/entry-server.tsx). */
  fetch?: typeof fetch
}

export type ApiRequest = <T>(options: RequestOptions<T>) => Promise<T>

export function createApiClient(config: ApiClientConfig): ApiRequest {
  const base = config.baseUrl.replace(/\/+$/, '')
  const timeoutMs = config.timeoutMs ?? REQUEST_TIMEOUT_MS
  const send =
    config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))

  return async function request<T>(options: RequestOptions<T>): Promise<T> {
    const method = options.method ?? 'GET'
    const url = `${base}${options.path}`
    const headers = new Headers({ Accept: 'application/json' })
    if (options.body !== undefined) headers.set('Content-Type', 'application/json')

    const schema = typeof options.schema === 'function' ? options.schema() : options.schema
    // Awaited once the answer is read; a failed load is reported then, not as unhandled now.
    if (schema instanceof Promise) schema.catch(() => {})
    const early = method === 'GET' ? config.takeEarlyGet?.(url) : undefined
    const timeout = early?.timeout ?? AbortSignal.timeout(timeoutMs)
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout

    let response: Response
    try {
      response = await (early
        ? untilAborted(early.response, options.signal)
        : send(url, {
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
    const parsed = await (await schema)['~standard'].validate(json)
    if (parsed.issues !== undefined) {
      throw new ApiError({
        status: response.status,
        code: 'INVALID_RESPONSE',
        message: 'The OpenTrain API sent a response this console does not understand.',
        requestId: headerRequestId,
        // Paths only: the values may hold a freshly minted secret.
        details: { issues: parsed.issues.map(issuePath) },
      })
    }
    return parsed.value
  }
}

/** `tokens.0.createdAt`, or `(root)`. */
function issuePath({
  path = [],
}: {
  readonly path?: readonly (PropertyKey | { key: PropertyKey })[]
}): string {
  const keys = path.map((segment) => String(typeof segment === 'object' ? segment.key : segment))
  return keys.join('.') || '(root)'
}

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/** The envelope's fields that have their documented types; any other field is left out. */
function readEnvelope(json: unknown): ErrorEnvelope {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {}
  const body = json as Record<string, unknown>
  const details = body.details
  const envelope: ErrorEnvelope = {}
  const error = optionalString(body.error)
  const code = optionalString(body.code)
  const requestId = optionalString(body.requestId)
  if (error !== undefined) envelope.error = error
  if (code !== undefined) envelope.code = code
  if (requestId !== undefined) envelope.requestId = requestId
  if (typeof details === 'object' && details !== null && !Array.isArray(details)) {
    envelope.details = details as Record<string, unknown>
  }
  return envelope
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
  const body = readEnvelope(json)
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
