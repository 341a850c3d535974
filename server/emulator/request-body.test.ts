import { describe, expect, it } from 'vitest'
import {
  BodyTooLargeError,
  MAX_BODY_BYTES,
  mediaType,
  parseJsonBody,
  readBodyLimited,
} from './request-body.ts'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

function streamOf(chunks: number, chunkSize: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === chunks) return controller.close()
      sent++
      controller.enqueue(new Uint8Array(chunkSize).fill(0x20))
    },
  })
}

const post = (
  body: NonNullable<RequestInit['body']>,
  headers: Record<string, string> = {},
): Request => new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' })

describe('readBodyLimited (D15)', () => {
  it('reads a body of exactly 65,536 bytes', async () => {
    expect((await readBodyLimited(post(new Uint8Array(MAX_BODY_BYTES)))).byteLength).toBe(
      MAX_BODY_BYTES,
    )
  })

  it('refuses 65,537 bytes', async () => {
    await expect(readBodyLimited(post(new Uint8Array(MAX_BODY_BYTES + 1)))).rejects.toBeInstanceOf(
      BodyTooLargeError,
    )
  })

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      body: 'tiny',
      headers: { 'content-length': '70000' },
    })
    await expect(readBodyLimited(request)).rejects.toBeInstanceOf(BodyTooLargeError)
  })

  it('stops reading a stream without Content-Length once past the limit', async () => {
    let pulled = 0
    const stream = streamOf(10_000, 1024).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled++
          controller.enqueue(chunk)
        },
      }),
    )
    await expect(readBodyLimited(post(stream))).rejects.toBeInstanceOf(BodyTooLargeError)
    expect(pulled).toBeLessThan(100)
  })

  it('reads no body as empty', async () => {
    expect((await readBodyLimited(new Request('http://x/'))).byteLength).toBe(0)
  })
})

describe('parseJsonBody (D19)', () => {
  it('an empty body counts as {} whatever the content type', () => {
    expect(parseJsonBody(new Uint8Array(0), null)).toEqual({ ok: true, value: {} })
    expect(parseJsonBody(new Uint8Array(0), 'text/plain')).toEqual({ ok: true, value: {} })
  })

  it('accepts application/json with parameters, any case', () => {
    expect(parseJsonBody(bytes('{"a":1}'), 'Application/JSON; charset=utf-8')).toEqual({
      ok: true,
      value: { a: 1 },
    })
  })

  it.each([
    null,
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/merge-patch+json',
  ])('rejects a body with content type %j', (type) => {
    const result = parseJsonBody(bytes('{}'), type)
    expect(result.ok).toBe(false)
  })

  it.each(['{', '{"a":}', ' ', "{'a':1}", 'undefined'])('rejects invalid JSON %j', (text) => {
    const result = parseJsonBody(bytes(text), 'application/json')
    expect(result.ok ? null : result.error.code).toBe('BAD_REQUEST')
  })

  it('rejects invalid UTF-8', () => {
    expect(parseJsonBody(new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json').ok).toBe(false)
  })

  it('parses absurdly deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(60_000) + ']'.repeat(60_000)
    const result = parseJsonBody(bytes(deep), 'application/json')
    expect(result.ok && Array.isArray(result.value)).toBe(true)
  })

  it('leaves non-object JSON to the endpoint', () => {
    expect(parseJsonBody(bytes('[1]'), 'application/json')).toEqual({ ok: true, value: [1] })
  })
})

describe('mediaType', () => {
  it('strips parameters and lowercases', () => {
    expect(mediaType(' Application/Json ; charset=UTF-8')).toBe('application/json')
    expect(mediaType('')).toBeNull()
    expect(mediaType(undefined)).toBeNull()
  })
})
