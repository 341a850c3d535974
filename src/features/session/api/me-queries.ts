import { queryOptions } from '@tanstack/react-query'
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
