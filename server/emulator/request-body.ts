import { badRequest, type EmulatorError } from './errors.ts'

/** D15/D19: 64 KiB means 65,536 bytes. */
export const MAX_BODY_BYTES = 65_536

export class BodyTooLargeError extends Error {
  constructor() {
    super(`Request body must be at most ${MAX_BODY_BYTES} bytes.`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * Reads a request body, refusing (without buffering the rest) once it passes `limit` bytes.
 * A declared Content-Length over the limit is refused before reading anything.
 */
export async function readBodyLimited(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<Uint8Array> {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    throw new BodyTooLargeError()
  }
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value: Uint8Array }
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLargeError()
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** The media type of a Content-Type header, lowercased and without parameters. */
export function mediaType(contentType: string | null | undefined): string | null {
  if (contentType === null || contentType === undefined) return null
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? ''
  return type === '' ? null : type
}

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; error: EmulatorError }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * D19: an empty body counts as `{}`; a non-empty body must be `application/json` and valid UTF-8
 * JSON. Whether the JSON is an object is left to the endpoint's validation.
 */
export function parseJsonBody(bytes: Uint8Array, contentType: string | null): JsonBodyResult {
  if (bytes.byteLength === 0) return { ok: true, value: {} }
  if (mediaType(contentType) !== 'application/json') {
    return {
      ok: false,
      error: badRequest('Request body must be JSON (Content-Type: application/json).'),
    }
  }
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes))
    return { ok: true, value }
  } catch {
    return { ok: false, error: badRequest('Request body is not valid JSON.') }
  }
}
