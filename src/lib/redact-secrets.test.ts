import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redact-secrets'

describe('redactSecrets', () => {
  it('cuts every OpenTrain credential down to its prefix', () => {
    expect(redactSecrets('a ot_pat_0123456789ab_AbC123 b ot_clm_xyzxyzxyz c')).toBe(
      'a ot_pat_[redacted] b ot_clm_[redacted] c',
    )
  })

  it('leaves masked previews and other text alone', () => {
    expect(redactSecrets('preview ot_pat_c3f9********bd21')).toBe('preview ot_pat_c3f9********bd21')
    expect(redactSecrets('no secrets here')).toBe('no secrets here')
  })
})
