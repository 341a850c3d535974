import { Button } from '../../../components/ui/button'
import './tokens-empty-state.css'

interface TokensEmptyStateProps {
  /** True when the account has tokens but none match the filters. */
  filtered: boolean
  onClearFilters: () => void
}

export function TokensEmptyState({ filtered, onClearFilters }: TokensEmptyStateProps) {
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
      <p className="empty-state__title">No tokens match</p>
      <p className="muted">Nothing on this account fits the search and status filter.</p>
      <Button onClick={onClearFilters}>Clear filters</Button>
    </div>
  )
}
