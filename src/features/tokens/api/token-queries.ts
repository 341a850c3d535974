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

/**
 * Every token mutation shares the `['tokens', …]` prefix, so the settle guard sees them all. The
 * key lives here, not beside the mutation: the page reads the pending revokes before the revoke's
 * code (which loads with the dialog) is there.
 */
export const revokeTokenKey = [...tokenQueries.all(), 'revoke'] as const
