import { meQueries } from '../features/session/api/me-queries'
import { tokenQueries } from '../features/tokens/api/token-queries'
import type { RouterContext } from '../router'

/** The loader of the pages that show the tokens and who is signed in: both, in parallel. */
export async function loadTokensAndMe({ context }: { context: RouterContext }): Promise<void> {
  await Promise.all([
    context.queryClient.ensureQueryData(tokenQueries.list()),
    context.queryClient.ensureQueryData(meQueries.me()),
  ])
}
