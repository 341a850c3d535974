import { Timestamp } from '../../../components/timestamp'
import { useNowSelect } from '../../../lib/use-now'
import type { Token } from '../api/token-schema'
import { daysSince } from '../lib/token-state'
import './last-used-cell.css'

/** "3 hours ago" with the exact time on hover and focus; "Never used"; a "Stale" marker. */
interface LastUsedCellProps {
  token: Token
  stale: boolean
  /** For the grid's roving focus; the time is in the tab order by default. */
  tabIndex?: number
}

export function LastUsedCell({ token, stale, tabIndex }: LastUsedCellProps) {
  return (
    <div className="cell-stack">
      {token.lastUsedAt ? (
        <Timestamp value={token.lastUsedAt} label="Last used" tabIndex={tabIndex} />
      ) : (
        <span className="muted">Never used</span>
      )}
      {stale && <StaleMarker token={token} />}
    </div>
  )
}

function StaleMarker({ token }: { token: Token }) {
  // Days since the last use, or since creation for a token never used.
  const days = useNowSelect((now) => daysSince(token.lastUsedAt ?? token.createdAt, now))
  const staleFor = token.lastUsedAt
    ? `Unused for ${days === null ? 'a long time' : `${days} days`}`
    : `Never used${days === null ? '' : ` in the ${days} days`} since it was created`
  return (
    <span className="marker marker--stale" title={staleFor}>
      Stale<span className="visually-hidden">: {staleFor}</span>
    </span>
  )
}
