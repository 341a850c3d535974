import { Timestamp } from '../../../components/timestamp'
import { useNowSelect } from '../../../lib/time/use-now'
import type { Token } from '../api/token-schema'
import { whyStale } from './why-stale'
import { daysSince } from './token-state'
import './last-used-cell.css'

/**
 * "3 hours ago" and its date, with the exact time on hover and focus; "Never used"; a "Stale"
 * marker; "by this console" on the session's own token, which this console's calls keep at "now".
 */
interface LastUsedCellProps {
  token: Token
  stale: boolean
  /** The token this console is signed in with: its own calls are its latest use. */
  isSessionToken: boolean
  /** For the grid's roving focus; the time is in the tab order by default. */
  tabIndex?: number
}

/** Said where last use is read (D9): OpenTrain's record of it may trail real use. */
export const LAST_USE_LAG_NOTE = 'OpenTrain may record use a few minutes late.'

export function LastUsedCell({ token, stale, isSessionToken, tabIndex }: LastUsedCellProps) {
  return (
    <div className="cell-stack">
      {token.lastUsedAt ? (
        <Timestamp
          value={token.lastUsedAt}
          label="Last used"
          tabIndex={tabIndex}
          withDate
          note={LAST_USE_LAG_NOTE}
        />
      ) : (
        <span className="muted">Never used</span>
      )}
      {isSessionToken && <span className="cell-note">by this console</span>}
      {stale && <StaleMarker token={token} />}
    </div>
  )
}

function StaleMarker({ token }: { token: Token }) {
  // Days since the last use, or since creation for a token never used.
  const days = useNowSelect((now) => daysSince(token.lastUsedAt ?? token.createdAt, now))
  const why = whyStale(token, days)
  return (
    <span className="marker marker--stale" title={why}>
      Stale<span className="visually-hidden">: {why}</span>
    </span>
  )
}
