import { RotateCw } from '../../../components/icons'
import { Button } from '../../../components/ui/button'
import { isApiError } from '../../../lib/api-error'
import { describeError } from '../../../lib/describe-error'
import { formatRelativeTime } from '../../../lib/format-time'
import './list-freshness.css'

interface ListFreshnessProps {
  updatedAt: number
  fetching: boolean
  /** The last background refresh failed: the list shown is the one from `updatedAt`. */
  refreshError: unknown
  now: number
  onRefresh: () => void
}

/**
 * How fresh the list is, and a way to refresh it. Last-used times are the API's: they may lag
 * behind real use by a few minutes (D9), which the note says rather than hides.
 */
export function ListFreshness({
  updatedAt,
  fetching,
  refreshError,
  now,
  onRefresh,
}: ListFreshnessProps) {
  const updated = `Updated ${formatRelativeTime(Math.min(updatedAt, now), now)}`
  return (
    <div className="freshness">
      {refreshError && !fetching ? (
        <span className="freshness__error" role="status">
          {refreshFailure(refreshError, updated)}
        </span>
      ) : (
        <span className="muted" title="OpenTrain may record last use a few minutes late.">
          {fetching ? 'Refreshing…' : updated}
        </span>
      )}
      <Button
        variant="quiet"
        onClick={onRefresh}
        disabled={fetching}
        aria-label="Refresh the token list"
      >
        <RotateCw aria-hidden="true" size={14} className={fetching ? 'spin' : undefined} />
      </Button>
    </div>
  )
}

function refreshFailure(error: unknown, updated: string): string {
  const reason = describeError(error).message.replace(/\.$/, '')
  const reference = isApiError(error) && error.requestId ? ` (Request ID ${error.requestId})` : ''
  return `Could not refresh: ${reason}${reference}. ${updated}.`
}
