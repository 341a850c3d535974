import { Button } from '../../../components/ui/button'
import type { TokenStatusFilter } from '../common/search'
import { EMPTY_VIEW_TITLES, STATUS_FILTER_LABELS } from './labels'
import './tokens-empty-state.css'

export interface TokensEmptyStateProps {
  /** True when the account has tokens but none match the filters. */
  filtered: boolean
  /** A search is typed. */
  searched: boolean
  /** A last-use bucket is chosen in the recency overview. */
  narrowed: boolean
  status: TokenStatusFilter
  onClearFilters: () => void
}

export function TokensEmptyState({
  filtered,
  searched,
  narrowed,
  status,
  onClearFilters,
}: TokensEmptyStateProps) {
  if (!filtered) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">No personal API tokens on this account</p>
        <p className="muted">
          Tokens you create with the API or in OpenTrain’s settings appear here.
        </p>
      </div>
    )
  }
  return (
    <div className="empty-state">
      {searched || narrowed ? (
        <>
          <p className="empty-state__title">No tokens match</p>
          <p className="muted">
            Nothing{' '}
            {status === 'all'
              ? 'on this account'
              : `among the ${STATUS_FILTER_LABELS[status].toLowerCase()} tokens`}{' '}
            fits{' '}
            {searched && narrowed
              ? 'the search and the last-use filter'
              : searched
                ? 'the search'
                : 'the last-use filter'}
            .
          </p>
        </>
      ) : (
        <p className="empty-state__title">{EMPTY_VIEW_TITLES[status]}</p>
      )}
      <Button onClick={onClearFilters}>Show all tokens</Button>
    </div>
  )
}
