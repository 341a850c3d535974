import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query'
import { isApiError } from './lib/http/api-error'

interface QueryClientSetup {
  defaultOptions?: DefaultOptions
  /** Called when any query or mutation gets a 401: the session's token is no longer valid. */
  onUnauthorized?: () => void
  /** The first retry's wait; each later one doubles it (tests shorten it). */
  backoffBaseMs?: number
}

/** A failed GET is tried again at most this many times. */
const MAX_QUERY_RETRIES = 3
/** A 429 asking for a longer wait than this is handed to the person, not waited out. */
export const MAX_AUTO_RETRY_AFTER_SECONDS = 30
const MAX_BACKOFF_MS = 8_000

/**
 * Retry only a GET that may succeed unchanged: no answer, a 5xx, or a 429 whose wait is short; not
 * a timeout, which the person has already waited out once. Mutations never come here (`retry:
 * false`): a second DELETE or POST is the person's call (docs/api-contract.md D7).
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES || !isApiError(error) || !error.isTransient) return false
  if (error.code === 'TIMEOUT') return false
  if (error.status === 429) {
    return (error.retryAfterSeconds ?? 0) <= MAX_AUTO_RETRY_AFTER_SECONDS
  }
  return true
}

/**
 * How long before the next try: a 429's own `Retry-After` (or the backoff when it gave none),
 * else exponential backoff from `baseMs`, with jitter so many consoles do not retry in step.
 */
export function retryDelayFor(failureCount: number, error: unknown, baseMs: number): number {
  if (isApiError(error) && error.status === 429 && error.retryAfterSeconds !== null) {
    return error.retryAfterSeconds * 1000
  }
  const backoff = Math.min(baseMs * 2 ** failureCount, MAX_BACKOFF_MS)
  return backoff * (0.75 + Math.random() * 0.5)
}

export function createQueryClient({
  defaultOptions,
  onUnauthorized,
  backoffBaseMs = 1_000,
}: QueryClientSetup = {}) {
  const handleError = (error: unknown) => {
    if (isApiError(error) && error.isUnauthorized) onUnauthorized?.()
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      ...defaultOptions,
      queries: {
        staleTime: 30_000,
        retry: shouldRetryQuery,
        retryDelay: (failureCount, error) => retryDelayFor(failureCount, error, backoffBaseMs),
        // Back from offline, the list may be minutes old whatever its age says: fetch it.
        refetchOnReconnect: 'always',
        ...defaultOptions?.queries,
      },
      mutations: {
        retry: false,
        // Sent now or failed now: a revoke clicked offline must not wait, paused, and go out
        // unseen when the connection returns (the default 'online' mode would hold it).
        networkMode: 'always',
        ...defaultOptions?.mutations,
      },
    },
  })
}
