import { Timestamp } from '../../../components/timestamp'
import type { Token } from '../api/token-schema'
import { daysSince } from '../lib/token-state'

interface LastUsedCellProps {
  token: Token
  stale: boolean
  now: number
}

/** "3 hours ago" with the exact time on hover and focus; "Never used"; a "Stale" marker. */
export function LastUsedCell({ token, stale, now }: LastUsedCellProps) {
  const staleFor = token.lastUsedAt
    ? `Unused for ${daysSince(token.lastUsedAt, now)} days`
    : `Never used in the ${daysSince(token.createdAt, now)} days since it was created`
  return (
    <div className="cell-stack">
      {token.lastUsedAt ? (
        <Timestamp value={token.lastUsedAt} now={now} label="Last used" />
      ) : (
        <span className="muted">Never used</span>
      )}
      {stale && (
        <span className="marker marker--stale" title={staleFor}>
          Stale<span className="visually-hidden">: {staleFor}</span>
        </span>
      )}
    </div>
  )
}
