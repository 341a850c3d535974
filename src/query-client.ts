import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query'
import { isApiError } from './lib/api-error'

interface QueryClientSetup {
  defaultOptions?: DefaultOptions
  /** Called when any query or mutation gets a 401: the session's token is no longer valid. */
  onUnauthorized?: () => void
}

const MAX_RETRIES = 2

/** Retry only what may succeed unchanged: no answer or a 5xx. Never a 4xx (a 429 waits for the person). */
function retryTransient(failureCount: number, error: unknown): boolean {
  return (
    failureCount < MAX_RETRIES && isApiError(error) && error.isTransient && error.status !== 429
  )
}

export function createQueryClient({ defaultOptions, onUnauthorized }: QueryClientSetup = {}) {
  const handleError = (error: unknown) => {
    if (isApiError(error) && error.isUnauthorized) onUnauthorized?.()
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      ...defaultOptions,
      queries: { staleTime: 30_000, retry: retryTransient, ...defaultOptions?.queries },
      mutations: { retry: false, ...defaultOptions?.mutations },
    },
  })
}
