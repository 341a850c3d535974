import { createFileRoute } from '@tanstack/react-router'
import { TokensPage } from '../features/tokens/components/tokens-page'
import { tokenQueries } from '../features/tokens/api/token-queries'
import { meQueries } from '../lib/me-queries'
import { requireSession } from './-require-session'

export const Route = createFileRoute('/tokens')({
  beforeLoad: requireSession,
  loader: async ({ context: { queryClient } }) => {
    await Promise.all([
      queryClient.ensureQueryData(tokenQueries.list()),
      queryClient.ensureQueryData(meQueries.me()),
    ])
  },
  component: TokensPage,
})
