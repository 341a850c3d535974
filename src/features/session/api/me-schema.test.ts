import { describe, expect, it } from 'vitest'
import { meSchema } from './me-schema'

describe('meSchema', () => {
  it('fills what the API may leave out, and keeps what it adds', () => {
    expect(
      meSchema.parse({
        actor: { userId: 'usr_1', email: null, extra: true },
        token: { id: 'tok_1' },
      }),
    ).toEqual({
      actor: {
        userId: 'usr_1',
        email: null,
        firstName: null,
        lastName: null,
        fullName: null,
        extra: true,
      },
      token: { id: 'tok_1', label: null, scopes: [], ownerOrganizationId: null },
    })
  })

  it('needs the token id, which matches tokens[].id', () => {
    expect(meSchema.safeParse({ actor: { userId: 'usr_1' }, token: { id: '' } }).success).toBe(
      false,
    )
  })
})
