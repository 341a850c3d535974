import { Timestamp } from '../../../components/timestamp'
import { Button } from '../../../components/ui/button'
import { useNow } from '../../../lib/use-now'
import type { Token } from '../api/token-schema'
import { deriveTokenState, isStale } from '../lib/token-state'
import { ExpiresCell } from './expires-cell'
import { LastUsedCell } from './last-used-cell'
import { ScopeList } from './scope-list'
import { TokenStatusBadge } from './token-status-badge'
import './token-row.css'

interface TokenRowProps {
  token: Token
  isCurrentSession: boolean
  /** A revoke for this token is in flight. */
  pending: boolean
  onRevoke: (token: Token) => void
}

export function TokenRow({ token, isCurrentSession, pending, onRevoke }: TokenRowProps) {
  const now = useNow()
  const state = deriveTokenState(token, now)
  const inactive = state.kind === 'revoked' || state.kind === 'expired'
  const classes = ['token-row', inactive && 'token-row--inactive', pending && 'token-row--pending']
  return (
    <tr className={classes.filter(Boolean).join(' ')} aria-busy={pending || undefined}>
      <th scope="row" className="token-row__name" tabIndex={-1} data-token-id={token.id}>
        <span className="token-name" title={token.name}>
          <bdi>{token.name}</bdi>
        </span>
        {isCurrentSession && <span className="badge badge--session">This session</span>}
      </th>
      <td>
        <code className="preview">{token.preview}</code>
      </td>
      <td className="token-row__scopes">
        <ScopeList scopes={token.scopes} />
      </td>
      <td>
        <div className="cell-stack">
          <TokenStatusBadge state={state} />
          {state.kind === 'expiring' && (
            <span className="cell-note">{daysLeftText(state.daysLeft)}</span>
          )}
          {pending ? (
            <span className="cell-note pending-note">
              <span className="spinner spinner--small" aria-hidden="true" />
              Confirming…
            </span>
          ) : (
            token.revokedAt && (
              <span className="cell-note">
                <Timestamp value={token.revokedAt} label="Revoked" />
              </span>
            )
          )}
        </div>
      </td>
      <td>
        <Timestamp value={token.createdAt} label="Created" />
      </td>
      <td>
        <LastUsedCell token={token} stale={isStale(token, now)} />
      </td>
      <td>
        <ExpiresCell token={token} state={state} />
      </td>
      <td className="token-row__actions">
        {state.kind !== 'revoked' && (
          <Button
            variant="quiet"
            className="revoke-button"
            aria-label={`Revoke ${token.name}`}
            disabled={pending}
            onClick={() => onRevoke(token)}
          >
            Revoke
          </Button>
        )}
      </td>
    </tr>
  )
}

function daysLeftText(days: number): string {
  if (days === 0) return 'Less than a day left'
  return days === 1 ? '1 day left' : `${days} days left`
}
