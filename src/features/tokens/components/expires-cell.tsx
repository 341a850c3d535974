import { TriangleAlert } from '../../../components/icons'
import { Timestamp } from '../../../components/timestamp'
import { Tooltip } from '../../../components/ui/tooltip'
import type { Token } from '../api/token-schema'
import { isUsable, type TokenState } from '../lib/token-state'
import './expires-cell.css'

interface ExpiresCellProps {
  token: Token
  state: TokenState
  /** For the grid's roving focus; the focusable part is in the tab order by default. */
  tabIndex?: number
}

export function ExpiresCell({ token, state, tabIndex = 0 }: ExpiresCellProps) {
  if (token.expiresAt) {
    return (
      <Timestamp
        value={token.expiresAt}
        label={state.kind === 'expired' ? 'Expired' : 'Expires'}
        tabIndex={tabIndex}
      />
    )
  }
  if (!isUsable(state)) return <span className="muted">Never</span>
  return (
    <Tooltip content="This token never expires. When you rotate it, give the replacement an expiry date.">
      {/* Focusable so keyboard users reach the tooltip, as every Timestamp is. */}
      <span className="never-expires" tabIndex={tabIndex}>
        Never
        <TriangleAlert aria-hidden="true" size={14} />
        <span className="visually-hidden">(no expiry date)</span>
      </span>
    </Tooltip>
  )
}
