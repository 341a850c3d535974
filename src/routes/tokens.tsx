import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { tokenQueries } from '../features/tokens/api/token-queries'
import { TokensPage } from '../features/tokens/list/tokens-page'
import { TokensSkeleton } from '../features/tokens/list/tokens-skeleton'
import { tokensSearchDefaults, validateTokensSearch } from '../features/tokens/common/search'
import { meQueries } from '../features/session/api/me-queries'
import { requireSession } from './-require-session'

export const Route = createFileRoute('/tokens')({
  validateSearch: validateTokensSearch,
  // Default values stay out of the URL, so a shared link shows only what was chosen.
  search: { middlewares: [stripSearchParams(tokensSearchDefaults)] },
  beforeLoad: requireSession,
  // Filtering and sorting happen in render: the search is not a loader dependency.
  loader: async ({ context: { queryClient } }) => {
    await Promise.all([
      queryClient.ensureQueryData(tokenQueries.list()),
      queryClient.ensureQueryData(meQueries.me()),
    ])
  },
  pendingComponent: TokensSkeleton,
  component: TokensPage,
})
