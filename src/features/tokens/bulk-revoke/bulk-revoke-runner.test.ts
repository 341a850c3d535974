import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../lib/http/api-error'
import { deferred } from '../../../testing/deferred'
import { buildToken } from '../../../testing/token-fixture'
import type { Token } from '../api/token-schema'
import {
  BULK_CONCURRENCY,
  DEFAULT_RATE_LIMIT_PAUSE_SECONDS,
  MAX_RATE_LIMIT_PAUSES_PER_TOKEN,
  runBulkRevoke,
  type BulkRevokeOptions,
  type BulkRevokeResult,
} from './bulk-revoke-runner'

/** Lets every pending promise callback run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

const revokedAt = '2026-11-28T12:00:00.000Z'
const revokedToken = (id: string) => buildToken({ id, status: 'revoked', revokedAt })
const rateLimited = (retryAfterSeconds: number | null = null) =>
  new ApiError({
    status: 429,
    code: 'RATE_LIMITED',
    message: 'Too many requests',
    requestId: 'req_429',
    retryAfterSeconds,
  })

/**
 * Runs the queue against a fake server whose answers the test gives one by one, with a fake `wait`
 * that ends only when the test says so. `log` records the callbacks in the order they fired.
 */
function start(ids: string[], extra: Partial<BulkRevokeOptions> = {}) {
  const requests: { id: string; resolve: (token: Token) => void; reject: (e: unknown) => void }[] =
    []
  const waits: { ms: number; end: () => void }[] = []
  const log: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  const revoke = (id: string) => {
    const answer = deferred<Token>()
    requests.push({ id, ...answer })
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    return answer.promise.finally(() => (inFlight -= 1))
  }
  const wait = (ms: number) => {
    const ended = deferred()
    waits.push({ ms, end: () => ended.resolve() })
    return ended.promise
  }
  const done = runBulkRevoke({
    ids,
    revoke,
    wait,
    onStart: (id) => log.push(`start ${id}`),
    onResult: (result) => log.push(`${result.kind} ${result.id}`),
    onPause: (seconds) => log.push(seconds === null ? 'resume' : `pause ${seconds}`),
    ...extra,
  })
  /** The latest request sent for `id`. */
  const request = (id: string) => {
    const found = requests.findLast((sent) => sent.id === id)
    if (!found) throw new Error(`${id} was never sent`)
    return found
  }
  return {
    done,
    log,
    waits,
    sent: () => requests.map((sent) => sent.id),
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    ok: async (id: string) => {
      request(id).resolve(revokedToken(id))
      await flush()
    },
    fail: async (id: string, error: unknown) => {
      request(id).reject(error)
      await flush()
    },
  }
}

afterEach(() => {
  vi.useRealTimers()
})

const kinds = (results: BulkRevokeResult[]) =>
  results.map((result) => `${result.kind} ${result.id}`)
const tenIds = Array.from({ length: 10 }, (_, index) => `t${index}`)

describe('runBulkRevoke: concurrency', () => {
  it('starts exactly four at once and never has more than four in flight', async () => {
    const run = start(tenIds)
    await flush()
    expect(run.sent()).toEqual(['t0', 't1', 't2', 't3'])

    await run.ok('t2')
    expect(run.sent()).toEqual(['t0', 't1', 't2', 't3', 't4']) // one settled, one more sent
    for (const id of tenIds.slice(0, 9)) {
      await run.ok(id) // t2 again is a no-op
      expect(run.inFlight()).toBeLessThanOrEqual(BULK_CONCURRENCY)
    }
    await run.ok('t9')

    const results = await run.done
    expect(run.maxInFlight()).toBe(4)
    expect(run.sent()).toHaveLength(10)
    expect(kinds(results)).toEqual(tenIds.map((id) => `revoked ${id}`))
  })

  it('honours a lower concurrency and clamps it to 1..4', async () => {
    const two = start(tenIds, { concurrency: 2 })
    await flush()
    expect(two.sent()).toEqual(['t0', 't1'])
    for (const id of tenIds) await two.ok(id)
    await two.done
    expect(two.maxInFlight()).toBe(2)

    const many = start(tenIds, { concurrency: 50 })
    await flush()
    expect(many.sent()).toHaveLength(4)

    const none = start(tenIds, { concurrency: 0 })
    await flush()
    expect(none.sent()).toEqual(['t0'])
  })
})

describe('runBulkRevoke: outcomes', () => {
  it('reports results in the order of ids, whatever order they settle in', async () => {
    const notFound = new ApiError({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Token not found',
      requestId: 'req_404',
    })
    const serverError = new ApiError({
      status: 500,
      code: 'INTERNAL',
      message: 'Boom',
      requestId: 'req_500',
    })
    const run = start(['a', 'b', 'c'])
    await flush()
    await run.fail('c', serverError)
    await run.fail('b', notFound)
    await run.ok('a')

    const results = await run.done
    expect(results).toEqual([
      { id: 'a', kind: 'revoked', token: revokedToken('a') },
      { id: 'b', kind: 'already-gone', requestId: 'req_404' },
      { id: 'c', kind: 'failed', error: serverError },
    ])
    const failed = results[2]
    expect(failed?.kind === 'failed' && failed.error).toHaveProperty('requestId', 'req_500')
    expect(run.log.filter((line) => !line.startsWith('start'))).toEqual([
      'failed c',
      'already-gone b',
      'revoked a',
    ])
  })

  it('keeps going after failures, and never retries one', async () => {
    const run = start(['a', 'b', 'c', 'd', 'e', 'f'], { concurrency: 2 })
    await flush()
    await run.fail('a', new ApiError({ status: 500, code: 'INTERNAL', message: 'Boom' }))
    await run.fail('b', new TypeError('not an ApiError'))
    for (const id of ['c', 'd', 'e', 'f']) await run.ok(id)

    const results = await run.done
    expect(kinds(results)).toEqual([
      'failed a',
      'failed b',
      'revoked c',
      'revoked d',
      'revoked e',
      'revoked f',
    ])
    expect(run.sent()).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })

  it('reports a revoke that throws synchronously as failed', async () => {
    const error = new Error('sync')
    const results = await runBulkRevoke({
      ids: ['a'],
      revoke: () => {
        throw error
      },
    })
    expect(results).toEqual([{ id: 'a', kind: 'failed', error }])
  })

  it('sends a duplicated id once, in its first position', async () => {
    const run = start(['a', 'b', 'a', 'c', 'b'])
    await flush()
    expect(run.sent()).toEqual(['a', 'b', 'c'])
    for (const id of ['a', 'b', 'c']) await run.ok(id)
    expect(kinds(await run.done)).toEqual(['revoked a', 'revoked b', 'revoked c'])
  })

  it('resolves at once with nothing to do', async () => {
    expect(await runBulkRevoke({ ids: [], revoke: () => Promise.reject(new Error('no')) })).toEqual(
      [],
    )
  })
})

describe('runBulkRevoke: rate limits', () => {
  it('pauses the whole queue for Retry-After, then sends the same id again first', async () => {
    const run = start(['a', 'b', 'c', 'd', 'e', 'f'])
    await flush()
    await run.fail('a', rateLimited(7))
    expect(run.log).toContain('pause 7')
    expect(run.waits.map((wait) => wait.ms)).toEqual([7000])

    await run.ok('b') // in flight before the 429: it finishes, but nothing new starts
    expect(run.sent()).toEqual(['a', 'b', 'c', 'd'])
    expect(run.log).not.toContain('resume')

    run.waits[0]?.end()
    await flush()
    expect(run.log.slice(-4)).toEqual(['revoked b', 'resume', 'start a', 'start e'])
    expect(run.sent()).toEqual(['a', 'b', 'c', 'd', 'a', 'e']) // a first, up to four in flight
    for (const id of ['a', 'c', 'd', 'e', 'f']) await run.ok(id)

    const results = await run.done
    expect(results[0]).toEqual({ id: 'a', kind: 'revoked', token: revokedToken('a') })
    expect(kinds(results)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => `revoked ${id}`))
  })

  it('pauses for the default when the 429 gives no wait', async () => {
    const run = start(['a'])
    await flush()
    await run.fail('a', rateLimited(null))
    expect(run.waits.map((wait) => wait.ms)).toEqual([DEFAULT_RATE_LIMIT_PAUSE_SECONDS * 1000])
    expect(run.log).toEqual(['start a', `pause ${DEFAULT_RATE_LIMIT_PAUSE_SECONDS}`])
    run.waits[0]?.end()
    await flush()
    await run.ok('a')
    expect(kinds(await run.done)).toEqual(['revoked a'])
    expect(run.log).toEqual(['start a', 'pause 10', 'resume', 'start a', 'revoked a'])
  })

  it('covers several 429s with one pause that lasts until the longest wait ends', async () => {
    const run = start(['a', 'b', 'c', 'd', 'e'])
    await flush()
    await run.fail('a', rateLimited(7))
    await run.fail('b', rateLimited(3)) // shorter: no new announcement
    await run.fail('c', rateLimited(12)) // longer: announced
    expect(run.waits.map((wait) => wait.ms)).toEqual([7000, 3000, 12000])

    run.waits[1]?.end()
    run.waits[0]?.end()
    await flush()
    expect(run.sent()).toEqual(['a', 'b', 'c', 'd']) // still paused: the 12 s wait runs
    run.waits[2]?.end()
    await flush()
    expect(run.log.filter((line) => line.startsWith('pause') || line === 'resume')).toEqual([
      'pause 7',
      'pause 12',
      'resume',
    ])
    // the rate-limited ids go first again, in the order their 429s came; d is still in flight
    expect(run.sent().slice(4)).toEqual(['a', 'b', 'c'])
    for (const id of ['a', 'b', 'c', 'd', 'e']) await run.ok(id)
    expect(kinds(await run.done)).toEqual(['a', 'b', 'c', 'd', 'e'].map((id) => `revoked ${id}`))
  })

  it('reports an id as failed when it is still rate limited after the maximum of pauses', async () => {
    const run = start(['a', 'b'], { concurrency: 1 })
    await flush()
    const errors = Array.from({ length: MAX_RATE_LIMIT_PAUSES_PER_TOKEN + 1 }, (_, i) =>
      rateLimited(i + 1),
    )
    for (const [index, error] of errors.entries()) {
      await run.fail('a', error)
      run.waits[index]?.end()
      await flush()
    }
    expect(run.sent().filter((id) => id === 'a')).toHaveLength(MAX_RATE_LIMIT_PAUSES_PER_TOKEN + 1)
    await run.ok('b')

    const results = await run.done
    expect(results[0]).toEqual({ id: 'a', kind: 'failed', error: errors.at(-1) })
    expect(results[1]?.kind).toBe('revoked')
  })

  it('waits with setTimeout by default', async () => {
    vi.useFakeTimers()
    const revoke = vi
      .fn<(id: string) => Promise<Token>>()
      .mockRejectedValueOnce(rateLimited(2))
      .mockResolvedValueOnce(revokedToken('a'))
    const done = runBulkRevoke({ ids: ['a'], revoke })
    await vi.advanceTimersByTimeAsync(1999)
    expect(revoke).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(revoke).toHaveBeenCalledTimes(2)
    expect(kinds(await done)).toEqual(['revoked a'])
  })
})

describe('runBulkRevoke: the ids sent last', () => {
  it('sends them alone, one at a time, after every other id has settled', async () => {
    const run = start(['me', 'a', 'b', 'other'], { last: new Set(['me', 'other']) })
    await flush()
    expect(run.sent()).toEqual(['a', 'b'])
    await run.ok('a')
    await run.fail('b', new ApiError({ status: 404, code: 'NOT_FOUND', message: 'Gone' }))
    expect(run.sent()).toEqual(['a', 'b', 'me']) // a 404 is not a failure
    await run.ok('me')
    expect(run.sent()).toEqual(['a', 'b', 'me', 'other'])
    await run.ok('other')

    expect(kinds(await run.done)).toEqual([
      'revoked me',
      'revoked a',
      'already-gone b',
      'revoked other',
    ])
    expect(run.maxInFlight()).toBe(2)
  })

  it('cancels them when any other id failed, so failures can be retried while signed in', async () => {
    const run = start(['a', 'b', 'me'], { last: new Set(['me']) })
    await flush()
    await run.fail('a', new ApiError({ status: 500, code: 'INTERNAL', message: 'Boom' }))
    await run.ok('b')

    expect(kinds(await run.done)).toEqual(['failed a', 'revoked b', 'cancelled me'])
    expect(run.sent()).toEqual(['a', 'b'])
    expect(run.log.at(-1)).toBe('cancelled me')
  })
})

describe('runBulkRevoke: cancellation', () => {
  it('stops sending, lets the in-flight ones report, and cancels the rest', async () => {
    const controller = new AbortController()
    const run = start(['a', 'b', 'c', 'd', 'me'], {
      concurrency: 2,
      signal: controller.signal,
      last: new Set(['me']),
    })
    await flush()
    controller.abort()
    await run.ok('a')
    await run.ok('b')

    const results = await run.done
    expect(kinds(results)).toEqual([
      'revoked a',
      'revoked b',
      'cancelled c',
      'cancelled d',
      'cancelled me',
    ])
    expect(run.sent()).toEqual(['a', 'b'])
    expect(run.log.filter((line) => line.startsWith('cancelled'))).toHaveLength(3)
  })

  it('ends a pause at once, and cancels the rate-limited id', async () => {
    const controller = new AbortController()
    const run = start(['a', 'b', 'c'], { concurrency: 2, signal: controller.signal })
    await flush()
    await run.fail('a', rateLimited(30))
    expect(run.log).toContain('pause 30')

    controller.abort() // the fake wait never ends by itself
    await flush()
    expect(run.log.at(-1)).toBe('resume')
    await run.ok('b') // in flight when the pause began: still reported

    expect(kinds(await run.done)).toEqual(['cancelled a', 'revoked b', 'cancelled c'])
    expect(run.sent()).toEqual(['a', 'b'])
  })

  it('sends nothing when the signal is already aborted', async () => {
    const revoke = vi.fn<(id: string) => Promise<Token>>()
    const results = await runBulkRevoke({ ids: ['a', 'b'], revoke, signal: AbortSignal.abort() })
    expect(kinds(results)).toEqual(['cancelled a', 'cancelled b'])
    expect(revoke).not.toHaveBeenCalled()
  })
})
