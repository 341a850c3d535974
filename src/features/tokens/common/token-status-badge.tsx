import { Ban, CircleCheck, CircleHelp, Clock, TimerOff } from '../../../components/icons'
import type { TokenState } from './token-state'
import './token-status-badge.css'

const BADGES = {
  active: { Icon: CircleCheck, label: 'Active' },
  expiring: { Icon: Clock, label: 'Expiring soon' },
  expired: { Icon: TimerOff, label: 'Expired' },
  revoked: { Icon: Ban, label: 'Revoked' },
} as const

/** Status as text plus an icon, never colour alone. */
export function TokenStatusBadge({ state }: { state: TokenState }) {
  if (state.kind === 'unknown') {
    // A status this console does not know (D1): shown as the API wrote it.
    return (
      <span className="status status--unknown">
        <CircleHelp aria-hidden="true" size={14} />
        <bdi>{state.status}</bdi>
      </span>
    )
  }
  const { Icon, label } = BADGES[state.kind]
  return (
    <span className={`status status--${state.kind}`}>
      <Icon aria-hidden="true" size={14} />
      {label}
    </span>
  )
}
