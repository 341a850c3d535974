import { RotateCw } from '../../../components/icons'
import { Button } from '../../../components/ui/button'
import { isApiError } from '../../../lib/http/api-error'
import { describeError } from '../../../lib/http/describe-error'
import { formatClockTime, formatRelativeTime } from '../../../lib/time/format-time'
import { useDisplayZone } from '../../../lib/time/use-now'
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
 * How fresh the list is, and a way to refresh it. (That last-used times may lag real use by a few
 * minutes, D9, is said where they are read: see LastUsedCell.)
 */
export function ListFreshness({
  updatedAt,
  fetching,
  refreshError,
  now,
  onRefresh,
}: ListFreshnessProps) {
  const zone = useDisplayZone()
  const updated = `Updated ${formatRelativeTime(Math.min(updatedAt, now), now, zone.locale)}`
  return (
    <div className="freshness">
      {refreshError && !fetching ? (
        <span className="freshness__error" role="status">
          {refreshFailure(refreshError, updatedAt)}
        </span>
      ) : (
        <span className="muted">{fetching ? 'Refreshing…' : updated}</span>
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

/** Why the refresh failed, and how old the list still shown is (not "Updated", which it was not). */
function refreshFailure(error: unknown, updatedAt: number): string {
  const reason = describeError(error).message.replace(/\.$/, '')
  const reference = isApiError(error) && error.requestId ? ` (Request ID ${error.requestId})` : ''
  return `Could not refresh: ${reason}${reference}. Showing the list as of ${formatClockTime(updatedAt)}.`
}
