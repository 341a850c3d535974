import { describe, expect, it, vi } from 'vitest'
import { ApiError } from './lib/http/api-error'
import {
  MAX_AUTO_RETRY_AFTER_SECONDS,
  createQueryClient,
  retryDelayFor,
  shouldRetryQuery,
} from './query-client'

const http = (status: number) =>
  new ApiError({ status, code: 'X', message: `answered ${status}`, requestId: 'req-1' })
const noAnswer = new ApiError({ status: null, code: 'NETWORK_ERROR', message: 'unreachable' })
const timedOut = new ApiError({ status: null, code: 'TIMEOUT', message: 'no answer in 30 s' })
const rateLimited = (retryAfterSeconds: number | null) =>
  new ApiError({ status: 429, code: 'RATE_LIMITED', message: 'slow down', retryAfterSeconds })

/** The production client, with retries immediate so the test never waits on a timer. */
function productionClient(onUnauthorized = vi.fn()) {
  const queryClient = createQueryClient({
    defaultOptions: { queries: { retryDelay: 0 }, mutations: { retryDelay: 0 } },
    onUnauthorized,
  })
  return { queryClient, onUnauthorized }
}

/** How many times a query whose function always throws `error` is tried. */
async function attemptsFor(error: unknown): Promise<number> {
  const { queryClient } = productionClient()
  let attempts = 0
  await expect(
    // Each call builds its own client, so one key serves every probe.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryClient.fetchQuery({
      queryKey: ['probe'],
      queryFn: () => {
        attempts += 1
        throw error
      },
    }),
  ).rejects.toBe(error)
  return attempts
}

describe('createQueryClient retry policy', () => {
  it.each([
    ['a 500', http(500)],
    ['a 503', http(503)],
    ['no answer (a dropped connection)', noAnswer],
    ['a 429 without Retry-After', rateLimited(null)],
    ['a 429 asking for a short wait', rateLimited(MAX_AUTO_RETRY_AFTER_SECONDS)],
  ])('tries a query four times in all (3 retries) after %s', async (_label, error) => {
    expect(await attemptsFor(error)).toBe(4)
  })

  it.each([
    ['a 400', http(400)],
    ['a 401', http(401)],
    ['a 403', http(403)],
    ['a 404', http(404)],
    ['a 429 asking for a longer wait than is worth holding the page for', rateLimited(31)],
    ['a timeout (the person already waited 30 s)', timedOut],
    ['an error that is not from the API', new Error('bug')],
  ])('does not retry a query after %s', async (_label, error) => {
    expect(await attemptsFor(error)).toBe(1)
  })

  it('recovers when a retry succeeds', async () => {
    const { queryClient } = productionClient()
    let attempts = 0
    const data = await queryClient.fetchQuery({
      queryKey: ['flaky'],
      queryFn: () => {
        attempts += 1
        if (attempts < 4) throw http(502)
        return 'ok'
      },
    })
    expect(data).toBe('ok')
    expect(attempts).toBe(4)
  })

  it('waits out a 429 for its Retry-After, and backs off exponentially with jitter otherwise', () => {
    expect(retryDelayFor(0, rateLimited(7), 1_000)).toBe(7_000)
    for (const [failureCount, base] of [
      [0, 1_000],
      [1, 2_000],
      [2, 4_000],
      [5, 8_000],
    ] as const) {
      const delay = retryDelayFor(failureCount, http(503), 1_000)
      expect(delay).toBeGreaterThanOrEqual(base * 0.75)
      expect(delay).toBeLessThanOrEqual(base * 1.25)
    }
    // A 429 without a wait of its own backs off like any other transient failure.
    expect(retryDelayFor(0, rateLimited(null), 1_000)).toBeLessThanOrEqual(1_250)
  })

  it('stops after the third retry', () => {
    expect(shouldRetryQuery(2, http(500))).toBe(true)
    expect(shouldRetryQuery(3, http(500))).toBe(false)
  })

  it('never retries a mutation: a revoke is sent once', async () => {
    const { queryClient } = productionClient()
    let attempts = 0
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: () => {
        attempts += 1
        return Promise.reject(http(500))
      },
    })
    await expect(mutation.execute(undefined)).rejects.toMatchObject({ status: 500 })
    expect(attempts).toBe(1)
  })

  it('reports a 401 from a query or a mutation, and nothing else', async () => {
    const { queryClient, onUnauthorized } = productionClient()
    await queryClient
      .fetchQuery({ queryKey: ['a'], queryFn: () => Promise.reject(http(403)) })
      .catch(() => {})
    expect(onUnauthorized).not.toHaveBeenCalled()
    await queryClient
      .fetchQuery({ queryKey: ['b'], queryFn: () => Promise.reject(http(401)) })
      .catch(() => {})
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: () => Promise.reject(http(401)),
    })
    await mutation.execute(undefined).catch(() => {})
    expect(onUnauthorized).toHaveBeenCalledTimes(2)
  })
})
