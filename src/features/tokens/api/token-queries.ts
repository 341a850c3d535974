import { queryOptions } from '@tanstack/react-query'
import { withRevokesInFlight } from './revokes-in-flight'
import { listTokens } from './tokens-api'

export const tokenQueries = {
  all: () => ['tokens'] as const,
  lists: () => [...tokenQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: tokenQueries.lists(),
      queryFn: async ({ signal, client }) =>
        withRevokesInFlight(client, await listTokens({ signal })),
    }),
}

/**
 * Every token mutation shares the `['tokens', …]` prefix, so the settle guard sees them all. Here,
 * not beside the mutation: rows read their pending revoke before the revoke's code has loaded.
 */
export const revokeTokenKey = [...tokenQueries.all(), 'revoke'] as const
