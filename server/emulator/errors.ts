import type { WireError, WireOAuthError } from './wire-types.ts'

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'

export type ErrorDetails = Record<string, unknown>

/** A `/api/public/v1` failure: becomes the JSON error envelope (contract §6). */
export class EmulatorError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly details: ErrorDetails | undefined
  readonly headers: Record<string, string>

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    details?: ErrorDetails,
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'EmulatorError'
    this.status = status
    this.code = code
    this.details = details
    this.headers = headers
  }
}

interface ErrorEnvelope extends WireError {
  code: ErrorCode
}

function errorEnvelope(error: EmulatorError, requestId: string): ErrorEnvelope {
  const envelope: ErrorEnvelope = { error: error.message, code: error.code, requestId }
  if (error.details !== undefined) envelope.details = error.details
  return envelope
}

export const REQUEST_ID_HEADER = 'X-Request-Id'

/**
 * The JSON response for an EmulatorError; the envelope's requestId is also the X-Request-Id header
 * (D25).
 */
export function errorResponse(error: EmulatorError, requestId: string): Response {
  return jsonResponse(errorEnvelope(error, requestId), error.status, {
    ...error.headers,
    [REQUEST_ID_HEADER]: requestId,
  })
}

export function jsonResponse(
  body: unknown,
  status: number,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  })
}

export const notFound = (message = 'Not found.', details?: ErrorDetails): EmulatorError =>
  new EmulatorError(404, 'NOT_FOUND', message, details)

export const badRequest = (message: string, details?: ErrorDetails): EmulatorError =>
  new EmulatorError(400, 'BAD_REQUEST', message, details)

export const internalError = (): EmulatorError =>
  new EmulatorError(500, 'INTERNAL_ERROR', 'Internal server error.')

/** An `/api/agent/*` failure, in the OAuth wire shape `{error, error_description?}` (D26). */
export class OAuthError extends Error {
  readonly status: number
  readonly error: string
  readonly description: string | undefined
  readonly headers: Record<string, string>

  constructor(
    status: number,
    error: string,
    description?: string,
    headers: Record<string, string> = {},
  ) {
    super(description ?? error)
    this.name = 'OAuthError'
    this.status = status
    this.error = error
    this.description = description
    this.headers = headers
  }
}

export function oauthErrorResponse(error: OAuthError, requestId: string): Response {
  const body: WireOAuthError = { error: error.error }
  if (error.description !== undefined) body.error_description = error.description
  return jsonResponse(body, error.status, { ...error.headers, [REQUEST_ID_HEADER]: requestId })
}
