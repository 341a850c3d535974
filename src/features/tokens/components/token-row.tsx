import { Timestamp } from '../../../components/timestamp'
import type { Token } from '../api/token-schema'
import { deriveTokenState, isStale } from '../lib/token-state'
import { ExpiresCell } from './expires-cell'
import { LastUsedCell } from './last-used-cell'
import { ScopeList } from './scope-list'
import { TokenStatusBadge } from './token-status-badge'

interface TokenRowProps {
  token: Token
  isCurrentSession: boolean
  now: number
}

export function TokenRow({ token, isCurrentSession, now }: TokenRowProps) {
  const state = deriveTokenState(token, now)
  const inactive = state.kind === 'revoked' || state.kind === 'expired'
  return (
    <tr className={inactive ? 'token-row token-row--inactive' : 'token-row'}>
      <th scope="row" className="token-row__name">
        <span className="token-name" title={token.name}>
          <bdi>{token.name}</bdi>
        </span>
        {isCurrentSession && <span className="badge badge--session">This session</span>}
      </th>
      <td>
        <code className="preview">{token.preview}</code>
      </td>
      <td>
        <ScopeList scopes={token.scopes} />
      </td>
      <td>
        <div className="cell-stack">
          <TokenStatusBadge state={state} />
          {token.revokedAt && (
            <span className="cell-note">
              <Timestamp value={token.revokedAt} now={now} label="Revoked" />
            </span>
          )}
        </div>
      </td>
      <td>
        <Timestamp value={token.createdAt} now={now} label="Created" />
      </td>
      <td>
        <LastUsedCell token={token} stale={isStale(token, now)} now={now} />
      </td>
      <td>
        <ExpiresCell token={token} state={state} now={now} />
      </td>
      <td className="token-row__actions" />
    </tr>
  )
}
