import { describe, expect, it } from 'vitest'
import { revokedTokenSchema, tokenListSchema } from './token-schema'

const minimal = {
  id: 'tok_1',
  name: 'CI',
  preview: 'ot_pat_abcd********wxyz',
  scopes: ['jobs:read'],
  status: 'active',
  createdAt: '2026-06-01T10:00:00.000Z',
}

describe('tokenListSchema', () => {
  it('reads missing and null optional fields as null, and keeps unknown fields and states (D1, D2)', () => {
    const { tokens } = tokenListSchema.parse({
      tokens: [
        minimal,
        { ...minimal, id: 'tok_2', status: 'suspended', lastUsedAt: null, futureField: 7 },
      ],
    })
    expect(tokens[0]).toEqual({
      ...minimal,
      organizationId: null,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    })
    expect(tokens[1]).toMatchObject({ status: 'suspended', lastUsedAt: null, futureField: 7 })
  })

  it('rejects an empty id and a date the browser cannot read, naming the field', () => {
    const empty = tokenListSchema.safeParse({ tokens: [{ ...minimal, id: '' }] })
    expect(empty.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['tokens.0.id'])
    const badDate = revokedTokenSchema.safeParse({ token: { ...minimal, expiresAt: 'soon' } })
    expect(badDate.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['token.expiresAt'])
  })
})
