import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { TokensPage } from '../features/tokens/list/tokens-page'
import { TokensSkeleton } from '../features/tokens/list/tokens-skeleton'
import { tokensSearchDefaults, validateTokensSearch } from '../features/tokens/common/search'
import { loadTokensAndMe } from './-load-tokens-and-me'
import { requireSession } from './-require-session'

export const Route = createFileRoute('/tokens')({
  validateSearch: validateTokensSearch,
  // Default values stay out of the URL, so a shared link shows only what was chosen.
  search: { middlewares: [stripSearchParams(tokensSearchDefaults)] },
  beforeLoad: requireSession,
  // Filtering and sorting happen in render: the search is not a loader dependency.
  loader: loadTokensAndMe,
  pendingComponent: TokensSkeleton,
  component: TokensPage,
})
