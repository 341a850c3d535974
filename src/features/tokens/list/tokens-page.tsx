import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useMemo, useReducer, useRef, useState } from 'react'
import { meQueries, useSessionTokenId } from '../../session/api/me-queries'
import { LastReviewLine } from '../review/last-review-line'
import { reviewAccountId } from '../review/last-review'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import { useNow } from '../../../lib/time/use-now'
import { toast } from '../../../components/ui/toaster'
import type { Token } from '../api/token-schema'
import { tokenQueries } from '../api/token-queries'
import { initialDirection, type TokenSortKey, type TokensSearch } from '../common/search'
import { summarizeTokens } from '../common/token-summary'
import { isStale } from '../common/token-state'
import { sortTokens } from './table/sort-tokens'
import { countByRecency } from '../common/last-use-recency'
import { filterTokens } from './overview/filter-tokens'
import { visibleTokens } from './visible-tokens'
import { formatTokenCount } from '../common/format-token-count'
import { SORT_LABELS, STATUS_FILTER_LABELS } from './labels'
import {
  LazyBulkRevokeDialog,
  LazyCreateTokenFlow,
  LazyRevokeTokenDialog,
  LazyRotateTokenFlow,
  LazyTokenDetailsDrawer,
  LazyTokensEmptyState,
} from '../../../loaded-later'
import { BulkBar } from '../bulk-revoke/bulk-bar'
import { ListFreshness } from './list-freshness'
import { NewTokenButton } from '../create/new-token-button'
import { RecencyOverview } from './overview/recency-overview'
import { TokenSummaryCards } from './overview/token-summary-cards'
import { TokensTable } from './table/tokens-table'
import { TokensToolbar } from './overview/tokens-toolbar'
import { useRevoke } from '../revoke/use-revoke'
import { NO_DIALOG, pageDialogsReducer } from './page-dialogs'
import { useTokenSelection } from './table/use-token-selection'
import { useIdleListPreparation } from './use-idle-list-preparation'
import { useKeptInView } from './use-kept-in-view'
import { useTokenDetails } from '../details/use-token-details'
import './tokens-page.css'

const route = getRouteApi('/tokens')

/** The tokens page: freshness, summary, toolbar and table over the one cached list. */
export function TokensPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const tokensQuery = useSuspenseQuery(tokenQueries.list())
  // The session's `me` is primed by the loader; suspending here keeps the page whole.
  const me = useSuspenseQuery(meQueries.me()).data
  const now = useNow()
  const viewKey = `${search.status}|${search.q}|${search.used}`
  const revokedHere = useKeptInView(viewKey)
  const createdHere = useKeptInView(viewKey)
  const [dialogs, dispatch] = useReducer(pageDialogsReducer, NO_DIALOG)
  const revoke = useRevoke({
    onStarted: (id) => {
      revokedHere.keep(id)
      dispatch({ open: null }) // the revoke dialog, once confirmed
    },
  })
  const tokens = tokensQuery.data
  const [createdNote, setCreatedNote] = useState('')
  const details = useTokenDetails(search.details, tokens)
  const sessionTokenId = useSessionTokenId()
  /** Opens the revoke or rotate dialog for a token. */
  const askAbout = (open: 'revoke' | 'rotate') => (token: Token) =>
    dispatch({ open, token, isSessionToken: token.id === sessionTokenId })
  const askToRevoke = askAbout('revoke')
  const rotate = askAbout('rotate')
  /** A token created here (new, or a rotation's replacement) is kept first in view, and said. */
  const showCreated = (token: Token) => {
    createdHere.keep(token.id)
    setCreatedNote(`Created ${bidiIsolate(token.name)}. It is first in the list.`)
  }

  const summary = useMemo(() => summarizeTokens(tokens, now), [tokens, now])
  // The overview counts the tokens the status filter keeps (not the search): each bar then shows
  // exactly the rows its count promises.
  const recency = useMemo(
    () => countByRecency(filterTokens(tokens, { status: search.status, q: '' }, now), now),
    [tokens, search.status, now],
  )
  useIdleListPreparation(tokens)
  // Sorted when the list or the sort changes; a keystroke or a filter change only filters.
  const sorted = useMemo(
    () => sortTokens(tokens, search.sort, search.dir),
    [tokens, search.sort, search.dir],
  )
  const visible = useMemo(
    () => visibleTokens(sorted, search, now, revokedHere.ids, createdHere.ids),
    [sorted, search, now, revokedHere.ids, createdHere.ids],
  )

  const selection = useTokenSelection(visible, now)
  const bulkBar = useRef<HTMLDivElement>(null)

  // Filters and sorting are history entries (Back restores the view); typing a search is not.
  const update = (patch: Partial<TokensSearch>, replace = false) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace })
  const onHeaderSort = (key: TokenSortKey) =>
    update({
      sort: key,
      dir: search.sort === key ? (search.dir === 'asc' ? 'desc' : 'asc') : initialDirection(key),
    })

  const filterLabel = STATUS_FILTER_LABELS[search.status].toLowerCase()
  const gridLabel = `Personal API tokens: ${filterLabel}, sorted by ${SORT_LABELS[search.sort][search.dir].toLowerCase()}`

  return (
    <section aria-labelledby="tokens-title" className="tokens-page">
      <div className="page-heading">
        <div>
          {/* Focusable for sign-in, which lands here (sign-in-page.tsx). */}
          <h1 id="tokens-title" tabIndex={-1}>
            Personal API tokens
          </h1>
          {/* Under the title, not among the buttons: appearing once the app runs (it reads this
              browser's storage), it must not push them onto a second line. */}
          <LastReviewLine accountId={reviewAccountId(me)} now={now} />
        </div>
        <div className="page-heading__side">
          <ListFreshness
            updatedAt={tokensQuery.dataUpdatedAt}
            fetching={tokensQuery.isFetching}
            refreshError={tokensQuery.isRefetchError ? tokensQuery.error : null}
            now={now}
            onRefresh={() => void tokensQuery.refetch()}
          />
          <Link to="/review" className="button button--secondary">
            Review access
          </Link>
          <NewTokenButton active={summary.active} onClick={() => dispatch({ open: 'create' })} />
        </div>
      </div>
      <TokenSummaryCards
        summary={summary}
        status={search.status}
        onFilter={(status) => update({ status })}
      />
      <RecencyOverview
        counts={recency}
        selected={search.used}
        onSelect={(used) => update({ used })}
      />
      <TokensToolbar
        search={search}
        onQuery={(q) => update({ q }, true)}
        onStatus={(status) => update({ status })}
        onSort={(sort, dir) => update({ sort, dir })}
        exportCount={visible.length}
        onExport={(format) => exportView(visible, search, format)}
      />
      <BulkBar
        selected={selection.ids.size}
        selectable={selection.selectable}
        stale={summary.stale}
        onSelectAll={selection.selectAll}
        onRevokeSelected={() =>
          dispatch({
            open: 'bulk',
            selected: visible.filter((token) => selection.ids.has(token.id)),
          })
        }
        barRef={bulkBar}
        onReviewStale={() => {
          selection.replace(tokens.filter((token) => isStale(token, now)).map((token) => token.id))
          update({ status: 'stale', q: '', used: 'any' })
        }}
      />
      {summary.neverExpiring > 0 && (
        <p className="no-expiry-nudge">
          {summary.neverExpiring === 1
            ? '1 active token never expires.'
            : `${summary.neverExpiring} active tokens never expire.`}{' '}
          When you rotate one, give the replacement an expiry date.
        </p>
      )}
      <p className="result-count" role="status">
        {visible.length === tokens.length
          ? formatTokenCount(tokens.length)
          : `Showing ${visible.length} of ${formatTokenCount(tokens.length)}`}
      </p>
      {visible.length > 0 ? (
        <TokensTable
          tokens={visible}
          pendingIds={revoke.pendingIds}
          freshIds={createdHere.ids}
          selectedIds={selection.ids}
          selectable={selection.selectable}
          onSelect={selection.toggle}
          onSelectAll={selection.selectAll}
          sortKey={search.sort}
          sortDir={search.dir}
          onSort={onHeaderSort}
          onRevoke={askToRevoke}
          onRotate={rotate}
          onDetails={details.open}
          failures={revoke.failures}
          onRetry={revoke.retry}
          onDismissFailure={revoke.dismissFailure}
          label={gridLabel}
        />
      ) : (
        <LazyTokensEmptyState
          filtered={tokens.length > 0}
          searched={search.q.trim() !== ''}
          narrowed={search.used !== 'any'}
          status={search.status}
          onClearFilters={() => update({ status: 'all', q: '', used: 'any' })}
        />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {revoke.announcement}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {createdNote}
      </p>
      <LazyCreateTokenFlow
        open={dialogs.open === 'create'}
        heldScopes={me.token.scopes}
        onClose={() => dispatch({ open: null })}
        onCreated={showCreated}
      />
      <LazyTokenDetailsDrawer
        {...details.drawer}
        isSessionToken={search.details === sessionTokenId}
        pending={revoke.pendingIds.has(search.details)}
        failure={revoke.failures.get(search.details)}
        onRevoke={askToRevoke}
        onRotate={rotate}
        onRetry={revoke.retry}
        onDismissFailure={revoke.dismissFailure}
      />
      <LazyRotateTokenFlow
        open={dialogs.open === 'rotate'}
        token={dialogs.token}
        isSessionToken={dialogs.isSessionToken}
        heldScopes={me.token.scopes}
        onClose={() => dispatch({ open: null })}
        onCreated={showCreated}
        onRevokeOld={askToRevoke}
      />
      <LazyRevokeTokenDialog
        token={dialogs.open === 'revoke' ? dialogs.token : null}
        isSessionToken={dialogs.isSessionToken}
        onCancel={() => dispatch({ open: null })}
        onConfirm={revoke.send}
      />
      <LazyBulkRevokeDialog
        open={dialogs.open === 'bulk'}
        tokens={dialogs.selected}
        sessionTokenId={sessionTokenId}
        onClose={() => dispatch({ open: null })}
        // Revoked rows stay in view, as after a single revoke.
        onStart={revokedHere.keep}
        barRef={bulkBar}
      />
    </section>
  )
}

/** Downloads the rows in view; the code that writes the file loads on the first export. */
function exportView(tokens: readonly Token[], search: TokensSearch, format: 'csv' | 'json') {
  import('../export/download-export').then(
    ({ downloadExport }) => downloadExport(tokens, search, format),
    () =>
      toast.error('Could not export', {
        description: 'The console could not load its export code. Try again.',
      }),
  )
}
