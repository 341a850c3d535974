import { describe, expect, it } from 'vitest'
import { createRateLimiter, decideRate } from './rate-limit.ts'

const minute = Date.parse('2026-06-12T10:00:00.000Z')

describe('decideRate (D7, D24)', () => {
  it('allows `limit` requests in a window, then refuses', () => {
    let state = decideRate(undefined, minute, 2)
    expect(state.allowed).toBe(true)
    state = decideRate(state.state, minute + 1000, 2)
    expect(state.allowed).toBe(true)
    const refused = decideRate(state.state, minute + 1500, 2)
    expect(refused).toEqual({
      allowed: false,
      state: { windowStart: minute, count: 2 },
      retryAfterSeconds: 59,
    })
  })

  it('refused requests do not count', () => {
    let state = decideRate(undefined, minute, 1).state
    for (let i = 0; i < 5; i++) state = decideRate(state, minute + i, 1).state
    expect(state.count).toBe(1)
  })

  it('uses fixed minute windows: a new window starts clean', () => {
    const full = decideRate(decideRate(undefined, minute + 59_000, 1).state, minute + 59_500, 1)
    expect(full.allowed).toBe(false)
    expect(decideRate(full.state, minute + 60_000, 1)).toEqual({
      allowed: true,
      state: { windowStart: minute + 60_000, count: 1 },
    })
  })

  it('Retry-After is whole seconds, at least 1', () => {
    const full = decideRate(undefined, minute, 1).state
    const at = (offset: number) => {
      const decision = decideRate(full, minute + offset, 1)
      return decision.allowed ? null : decision.retryAfterSeconds
    }
    expect(at(0)).toBe(60)
    expect(at(58_001)).toBe(2)
    expect(at(59_999)).toBe(1)
  })
})

describe('createRateLimiter', () => {
  it('keeps one window per key', () => {
    const limiter = createRateLimiter(1)
    expect(limiter.take('a', minute).allowed).toBe(true)
    expect(limiter.take('b', minute).allowed).toBe(true)
    expect(limiter.take('a', minute + 1).allowed).toBe(false)
    expect(limiter.take('a', minute + 60_000).allowed).toBe(true)
  })
})
