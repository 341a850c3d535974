import { Timestamp } from '../../../components/timestamp'
import { useNow } from '../../../lib/use-now'
import type { Token } from '../api/token-schema'
import { daysSince } from '../lib/token-state'
import './last-used-cell.css'

/** "3 hours ago" with the exact time on hover and focus; "Never used"; a "Stale" marker. */
export function LastUsedCell({ token, stale }: { token: Token; stale: boolean }) {
  return (
    <div className="cell-stack">
      {token.lastUsedAt ? (
        <Timestamp value={token.lastUsedAt} label="Last used" />
      ) : (
        <span className="muted">Never used</span>
      )}
      {stale && <StaleMarker token={token} />}
    </div>
  )
}

function StaleMarker({ token }: { token: Token }) {
  const now = useNow()
  const unusedDays = token.lastUsedAt ? daysSince(token.lastUsedAt, now) : null
  const ageDays = daysSince(token.createdAt, now)
  const staleFor = token.lastUsedAt
    ? unusedDays === null
      ? 'Not used for a long time'
      : `Unused for ${unusedDays} days`
    : ageDays === null
      ? 'Never used since it was created'
      : `Never used in the ${ageDays} days since it was created`
  return (
    <span className="marker marker--stale" title={staleFor}>
      Stale<span className="visually-hidden">: {staleFor}</span>
    </span>
  )
}
