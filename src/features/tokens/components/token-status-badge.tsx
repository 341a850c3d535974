import { Ban, CircleCheck, CircleHelp, Clock, TimerOff } from 'lucide-react'
import type { TokenState } from '../lib/token-state'
import './token-status-badge.css'

/** Status as text plus an icon, never colour alone. */
export function TokenStatusBadge({ state }: { state: TokenState }) {
  switch (state.kind) {
    case 'active':
      return (
        <span className="status status--active">
          <CircleCheck aria-hidden="true" size={14} />
          Active
        </span>
      )
    case 'expiring':
      return (
        <span className="status status--expiring">
          <Clock aria-hidden="true" size={14} />
          Expiring soon
        </span>
      )
    case 'expired':
      return (
        <span className="status status--expired">
          <TimerOff aria-hidden="true" size={14} />
          Expired
        </span>
      )
    case 'revoked':
      return (
        <span className="status status--revoked">
          <Ban aria-hidden="true" size={14} />
          Revoked
        </span>
      )
    case 'unknown':
      return (
        <span className="status status--unknown">
          <CircleHelp aria-hidden="true" size={14} />
          <bdi>{state.status}</bdi>
        </span>
      )
  }
}
