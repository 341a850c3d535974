import { describe, expect, it } from 'vitest'
import { buildToken } from '../../../testing/token-fixture'
import { addToken, markRevoked, replaceToken, restoreToken } from './token-cache'

const AT = '2026-11-28T10:00:00.000Z'
const list = [buildToken({ id: 'a' }), buildToken({ id: 'b' })]

describe('markRevoked', () => {
  it("revokes only the named token, in the server's shape", () => {
    const next = markRevoked(list, 'b', AT)
    expect(next?.[1]).toMatchObject({ id: 'b', status: 'revoked', revokedAt: AT })
    expect(next?.[0]).toBe(list[0])
    expect(list[1]?.status).toBe('active') // no mutation of the input
  })

  it('keeps an existing revokedAt (D3) and is undefined-safe', () => {
    const earlier = [
      buildToken({ id: 'a', status: 'revoked', revokedAt: '2026-01-01T00:00:00.000Z' }),
    ]
    expect(markRevoked(earlier, 'a', AT)?.[0]?.revokedAt).toBe('2026-01-01T00:00:00.000Z')
    expect(markRevoked(undefined, 'a', AT)).toBeUndefined()
  })

  it('leaves the list as it was for an unknown id', () => {
    expect(markRevoked(list, 'zzz', AT)).toEqual(list)
  })
})

describe('replaceToken', () => {
  it('puts the server record in place, keeping order', () => {
    const server = buildToken({ id: 'a', status: 'revoked', revokedAt: AT, name: 'renamed' })
    expect(replaceToken(list, server)).toEqual([server, list[1]])
  })

  it('is undefined-safe and ignores tokens not in the list', () => {
    expect(replaceToken(undefined, buildToken({ id: 'a' }))).toBeUndefined()
    expect(replaceToken(list, buildToken({ id: 'c' }))).toEqual(list)
  })
})

describe('restoreToken', () => {
  const before = buildToken({ id: 'b' })
  const start = [buildToken({ id: 'a' }), before]
  const guess = markRevoked(start, 'b', AT) ?? []
  const optimistic = guess.find((token) => token.id === 'b') ?? before

  it('puts the snapshot back while the row still holds the optimistic record', () => {
    expect(restoreToken(guess, before, optimistic)).toEqual(start)
  })

  it('keeps anything written since: a refetch showing the token revoked elsewhere wins', () => {
    const refetched = [
      buildToken({ id: 'a' }),
      buildToken({ id: 'b', status: 'revoked', revokedAt: AT }),
    ]
    expect(restoreToken(refetched, before, optimistic)).toEqual(refetched)
    expect(restoreToken(undefined, before, optimistic)).toBeUndefined()
  })
})

describe('addToken', () => {
  it('puts the created token first, once, and leaves an uncached list alone', () => {
    const created = buildToken({ id: 'c' })
    expect(addToken(list, created)?.map((token) => token.id)).toEqual(['c', 'a', 'b'])
    expect(addToken([...list, created], created)?.map((token) => token.id)).toEqual(['c', 'a', 'b'])
    expect(addToken(undefined, created)).toBeUndefined()
  })
})
