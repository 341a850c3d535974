import { RotateCw } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { formatRelativeTime } from '../../../lib/format-time'

interface ListFreshnessProps {
  updatedAt: number
  fetching: boolean
  now: number
  onRefresh: () => void
}

/**
 * How fresh the list is, and a way to refresh it. Last-used times are the API's: they may lag
 * behind real use by a few minutes (D9), which the note says rather than hides.
 */
export function ListFreshness({ updatedAt, fetching, now, onRefresh }: ListFreshnessProps) {
  return (
    <div className="freshness">
      <span className="muted" title="OpenTrain may record last use a few minutes late.">
        {fetching ? 'Refreshing…' : `Updated ${formatRelativeTime(Math.min(updatedAt, now), now)}`}
      </span>
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
