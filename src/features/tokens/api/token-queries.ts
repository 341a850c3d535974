import { queryOptions } from '@tanstack/react-query'
import { listTokens } from './tokens-api'

export const tokenQueries = {
  all: () => ['tokens'] as const,
  lists: () => [...tokenQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: tokenQueries.lists(),
      queryFn: ({ signal }) => listTokens({ signal }),
    }),
}
