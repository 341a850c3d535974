import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TOKEN_PATTERN, hashToken, mintSecret, newTokenId, previewOf } from './token-secret.ts'

describe('token secrets (D11)', () => {
  it('mints ot_pat_<12 lowercase hex>_<32 base62>', () => {
    for (let i = 0; i < 200; i++) {
      const { token, publicId } = mintSecret()
      expect(token).toMatch(TOKEN_PATTERN)
      expect(token.startsWith(`ot_pat_${publicId}_`)).toBe(true)
      expect(publicId).toMatch(/^[0-9a-f]{12}$/)
    }
  })

  it('mints distinct tokens', () => {
    const tokens = new Set(Array.from({ length: 500 }, () => mintSecret().token))
    expect(tokens.size).toBe(500)
  })

  it('uses the whole base62 alphabet for the secret', () => {
    const seen = new Set(Array.from({ length: 300 }, () => mintSecret().token.slice(20)).join(''))
    expect(seen.size).toBe(62)
  })

  it('hashes the whole token string with SHA-256', () => {
    const { token, hash } = mintSecret()
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'))
    expect(hashToken(token)).toBe(hash)
    expect(hashToken(`${token} `)).not.toBe(hash)
  })

  it('previews as ot_pat_ + first 4 of publicId + 8 asterisks + last 4 of the token', () => {
    expect(previewOf('ot_pat_c3f9aa00bb11_0123456789abcdefghijABCDEFGHbd21')).toBe(
      'ot_pat_c3f9********bd21',
    )
    fc.assert(
      fc.property(fc.constant(null), () => {
        const { token, preview } = mintSecret()
        expect(preview).toMatch(/^ot_pat_[0-9a-f]{4}\*{8}[0-9A-Za-z]{4}$/)
        expect(preview.slice(7, 11)).toBe(token.slice(7, 11))
        expect(preview.slice(-4)).toBe(token.slice(-4))
      }),
    )
  })

  it('is driven by the injected randomness', () => {
    const zeros = (size: number): Uint8Array => new Uint8Array(size)
    expect(mintSecret(zeros).token).toBe(`ot_pat_000000000000_${'0'.repeat(32)}`)
    expect(newTokenId(zeros)).toBe(`tok_${'a'.repeat(20)}`)
  })

  it('ids are tok_ + 20 base32 characters (D10)', () => {
    for (let i = 0; i < 200; i++) expect(newTokenId()).toMatch(/^tok_[a-z2-7]{20}$/)
  })
})
