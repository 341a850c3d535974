import { redactSecrets } from '../text/token-format'

/**
 * The envelope's `code` as the server sent it (docs/api-contract.md §6.1 lists the documented ones;
 * an unknown code is kept as it is), or one of the client's own for a failure that never reached a
 * parsed answer.
 */
export type ApiErrorCode =
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'INVALID_RESPONSE'
  /** A 2xx whose body does not confirm what was asked (a revoke answered with another token). */
  | 'UNCONFIRMED'
  | (string & {})

interface ApiErrorInit {
  /** HTTP status, or `null` when no response arrived (network failure, timeout). */
  status: number | null
  code: ApiErrorCode
  message: string
  requestId?: string | null
  details?: Record<string, unknown> | null
  retryAfterSeconds?: number | null
  /** The message is the server's own text (its envelope's `error`), not the console's words. */
  fromServer?: boolean
}

/** The one error type every API call throws. Its message is always safe to show and to log. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number | null
  readonly code: ApiErrorCode
  readonly requestId: string | null
  readonly details: Record<string, unknown> | null
  readonly retryAfterSeconds: number | null
  readonly fromServer: boolean

  constructor(init: ApiErrorInit) {
    super(redactSecrets(init.message))
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId ?? null
    this.details = init.details ?? null
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.fromServer = init.fromServer ?? false
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
