import { queryOptions, useQuery } from '@tanstack/react-query'
import { getMe } from './me-api'

export const meQueries = {
  all: () => ['session'] as const,
  me: () =>
    queryOptions({
      queryKey: [...meQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => getMe({ signal }),
      staleTime: 5 * 60_000,
    }),
}

/**
 * The id of the token this session is signed in with (`/auth/me`, which matches `tokens[].id`),
 * or `null` until it is known. The tokens route's loader primes it.
 */
export function useSessionTokenId(): string | null {
  const { data } = useQuery({ ...meQueries.me(), select: (me) => me.token.id })
  return data ?? null
}
