import { describe, expect, it } from 'vitest'
import { looksLikeSecret, secretToPreview } from './secret-search'

describe('secretToPreview', () => {
  it('turns a pasted secret into its masked preview (D11)', () => {
    const token = 'ot_pat_c3f90123abcd_AbCdEfGhIjKlMnOpQrStUvWxYz01bd21'
    expect(looksLikeSecret(` ${token} `)).toBe(true)
    expect(secretToPreview(token)).toBe('ot_pat_c3f9********bd21')
  })

  it('leaves ordinary search text and previews alone', () => {
    expect(secretToPreview('ci deploy')).toBe('ci deploy')
    expect(secretToPreview('ot_pat_c3f9********bd21')).toBe('ot_pat_c3f9********bd21')
    expect(looksLikeSecret('ot_pat_c3f9')).toBe(false)
  })
})
