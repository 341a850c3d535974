import { redactSecrets } from './token-format'

/** Codes the API documents, plus the client-side failures that never reached a parsed answer. */
export type ApiErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'INVALID_RESPONSE'
  | (string & {})

interface ApiErrorInit {
  /** HTTP status, or `null` when no response arrived (network failure, timeout). */
  status: number | null
  code: ApiErrorCode
  message: string
  requestId?: string | null
  details?: Record<string, unknown> | null
  retryAfterSeconds?: number | null
}

/** The one error type every API call throws. Its message is always safe to show and to log. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number | null
  readonly code: ApiErrorCode
  readonly requestId: string | null
  readonly details: Record<string, unknown> | null
  readonly retryAfterSeconds: number | null

  constructor(init: ApiErrorInit) {
    super(redactSecrets(init.message))
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId ?? null
    this.details = init.details ?? null
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
  }

  get isUnauthorized(): boolean {
    return this.status === 401
  }

  /** Worth trying again without changing anything: no answer, a 5xx, or a rate limit. */
  get isTransient(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
