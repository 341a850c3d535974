import { describe, expect, it } from 'vitest'
import { normaliseUpstreamBase } from './upstream.ts'

describe('normaliseUpstreamBase', () => {
  it('accepts an origin, with or without the API path or a trailing slash', () => {
    expect(normaliseUpstreamBase('https://app.opentrain.ai')).toBe('https://app.opentrain.ai')
    expect(normaliseUpstreamBase('https://app.opentrain.ai/')).toBe('https://app.opentrain.ai')
    expect(normaliseUpstreamBase('https://app.opentrain.ai/api/public/v1/')).toBe(
      'https://app.opentrain.ai',
    )
    expect(normaliseUpstreamBase('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000')
  })

  it('keeps a path prefix for an API behind a sub-path', () => {
    expect(normaliseUpstreamBase('https://gateway.example/opentrain')).toBe(
      'https://gateway.example/opentrain',
    )
  })

  it('refuses what is not an http(s) base URL', () => {
    expect(() => normaliseUpstreamBase('app.opentrain.ai')).toThrow(/not a URL/)
    expect(() => normaliseUpstreamBase('file:///etc/passwd')).toThrow(/http\(s\)/)
    expect(() => normaliseUpstreamBase('https://app.opentrain.ai/?x=1')).toThrow(/query/)
  })
})
