import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { ReviewPage } from '../features/tokens/review/review-page'
import { reviewSearchDefaults, validateReviewSearch } from '../features/tokens/review/review-search'
import { loadTokensAndMe } from './-load-tokens-and-me'
import { requireSession } from './-require-session'

export const Route = createFileRoute('/review')({
  validateSearch: validateReviewSearch,
  search: { middlewares: [stripSearchParams(reviewSearchDefaults)] },
  // Drawn in the browser: the review in progress is kept there (localStorage), not on the server.
  ssr: false,
  beforeLoad: requireSession,
  loader: loadTokensAndMe,
  component: ReviewPage,
})
