import { useSuspenseQuery } from '@tanstack/react-query'
import { meQueries } from '../../../lib/me-queries'
import { tokenQueries } from '../api/token-queries'

// A first cut of the tokens page: the table, filters and revoke flow come in the next issues.
export function TokensPage() {
  const { data: tokens } = useSuspenseQuery(tokenQueries.list())
  const { data: me } = useSuspenseQuery(meQueries.me())
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">Personal API tokens</h1>
      <p className="muted">
        {tokens.length} {tokens.length === 1 ? 'token' : 'tokens'} on this account.
      </p>
      <ul className="token-names">
        {tokens.map((token) => (
          <li key={token.id}>
            <bdi>{token.name}</bdi> <code>{token.preview}</code>
            {token.id === me.token.id && <span className="badge">This session</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
