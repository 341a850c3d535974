import { Timestamp } from '../../../../components/timestamp'
import type { Token } from '../../api/token-schema'
import type { TokenState } from '../../common/token-state'

interface ExpiresCellProps {
  token: Token
  state: TokenState
  /** For the grid's roving focus; the focusable part is in the tab order by default. */
  tabIndex?: number
}

/**
 * When the token stops working. A token without an expiry date says so plainly: the page has one
 * nudge about them above the table (`NoExpiryNudge`), not a warning on every row.
 */
export function ExpiresCell({ token, state, tabIndex = 0 }: ExpiresCellProps) {
  if (!token.expiresAt) return <span className="muted">No expiry</span>
  return (
    <Timestamp
      value={token.expiresAt}
      label={state.kind === 'expired' ? 'Expired' : 'Expires'}
      tabIndex={tabIndex}
      withDate
    />
  )
}
