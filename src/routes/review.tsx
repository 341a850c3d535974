import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { meQueries } from '../features/session/api/me-queries'
import { tokenQueries } from '../features/tokens/api/token-queries'
import { ReviewPage } from '../features/tokens/review/review-page'
import { reviewSearchDefaults, validateReviewSearch } from '../features/tokens/review/review-search'
import { requireSession } from './-require-session'

export const Route = createFileRoute('/review')({
  validateSearch: validateReviewSearch,
  search: { middlewares: [stripSearchParams(reviewSearchDefaults)] },
  // Drawn in the browser: the review in progress is kept there (localStorage), not on the server.
  ssr: false,
  beforeLoad: requireSession,
  loader: async ({ context: { queryClient } }) => {
    await Promise.all([
      queryClient.ensureQueryData(tokenQueries.list()),
      queryClient.ensureQueryData(meQueries.me()),
    ])
  },
  component: ReviewPage,
})
