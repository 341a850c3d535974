import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { meQueries } from '../../../lib/me-queries'
import { useNow } from '../../../lib/use-now'
import { tokenQueries } from '../api/token-queries'
import { usePendingRevokes } from '../api/use-revoke-token'
import { filterTokens } from '../lib/filter-tokens'
import { sortTokens } from '../lib/sort-tokens'
import { withPendingRevokes } from '../lib/token-cache'
import { summarizeTokens } from '../lib/token-summary'
import { initialDirection, type TokensSearch, type TokenSortKey } from '../search'
import { SORT_LABELS, STATUS_FILTER_LABELS } from './labels'
import { ListFreshness } from './list-freshness'
import { TokenSummaryCards } from './token-summary-cards'
import { TokensEmptyState } from './tokens-empty-state'
import { TokensTable } from './tokens-table'
import { TokensToolbar } from './tokens-toolbar'

const route = getRouteApi('/tokens')

export function TokensPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const tokensQuery = useSuspenseQuery(tokenQueries.list())
  const { data: me } = useSuspenseQuery(meQueries.me())
  const now = useNow()
  const pendingRevokes = usePendingRevokes()
  const tokens = useMemo(
    () => withPendingRevokes(tokensQuery.data, pendingRevokes, new Date(now).toISOString()),
    [tokensQuery.data, pendingRevokes, now],
  )

  // Rows revoked from this view stay in it (muted, "Revoked") until the view changes, so a row
  // never vanishes under the pointer; the counts above update at once.
  const viewKey = `${search.status}|${search.q}`
  const [revokedHere, setRevokedHere] = useState({ viewKey, ids: new Set<string>() })
  const keptIds = revokedHere.viewKey === viewKey ? revokedHere.ids : null
  const keepInView = (id: string) =>
    setRevokedHere((previous) => ({
      viewKey,
      ids: new Set(previous.viewKey === viewKey ? [...previous.ids, id] : [id]),
    }))

  const summary = useMemo(() => summarizeTokens(tokens, now), [tokens, now])
  const visible = useMemo(() => {
    const matching = filterTokens(tokens, search, now)
    const kept = keptIds
      ? tokens.filter((token) => keptIds.has(token.id) && !matching.includes(token))
      : []
    return sortTokens([...matching, ...kept], search.sort, search.dir)
  }, [tokens, search, now, keptIds])

  // Filters and sorting are history entries (Back restores the view); typing a search is not.
  const update = (patch: Partial<TokensSearch>, replace = false) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace })
  const onHeaderSort = (key: TokenSortKey) =>
    update({
      sort: key,
      dir: search.sort === key ? (search.dir === 'asc' ? 'desc' : 'asc') : initialDirection(key),
    })

  const filterLabel = STATUS_FILTER_LABELS[search.status].toLowerCase()
  const caption = `Personal API tokens: ${filterLabel}, sorted by ${SORT_LABELS[search.sort][search.dir].toLowerCase()}`

  return (
    <section aria-labelledby="tokens-title" className="tokens-page">
      <div className="page-heading">
        <h1 id="tokens-title">Personal API tokens</h1>
        <ListFreshness
          updatedAt={tokensQuery.dataUpdatedAt}
          fetching={tokensQuery.isFetching}
          refreshError={tokensQuery.isRefetchError ? tokensQuery.error : null}
          now={now}
          onRefresh={() => void tokensQuery.refetch()}
        />
      </div>
      <TokenSummaryCards
        summary={summary}
        status={search.status}
        onFilter={(status) => update({ status })}
      />
      <TokensToolbar
        search={search}
        onQuery={(q) => update({ q }, true)}
        onStatus={(status) => update({ status })}
        onSort={(sort, dir) => update({ sort, dir })}
      />
      <p className="result-count" role="status">
        {visible.length === tokens.length
          ? `${tokens.length} ${tokens.length === 1 ? 'token' : 'tokens'}`
          : `Showing ${visible.length} of ${tokens.length} tokens`}
      </p>
      {visible.length > 0 ? (
        <TokensTable
          tokens={visible}
          currentTokenId={me.token.id}
          pendingIds={pendingRevokes}
          sort={search}
          onSort={onHeaderSort}
          onRevokeStarted={keepInView}
          now={now}
          caption={caption}
        />
      ) : (
        <TokensEmptyState
          filtered={tokens.length > 0}
          onClearFilters={() => update({ status: 'all', q: '' })}
        />
      )}
    </section>
  )
}
