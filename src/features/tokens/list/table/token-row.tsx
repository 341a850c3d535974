import { memo } from 'react'
import { Timestamp } from '../../../../components/timestamp'
import { Button } from '../../../../components/ui/button'
import type { Token } from '../../api/token-schema'
import type { RevokeFailureCopy } from '../../revoke/describe-revoke-error'
import { useTokenState } from '../../common/use-token-state'
import { ExpiresCell } from './expires-cell'
import { LazyRevokeFailureNote } from '../../revoke/lazy-revoke-token-dialog'
import { LastUsedCell } from '../../common/last-used-cell'
import { hasMoreScopesButton, ScopeList } from './scope-list'
import { TokenNameButton } from './token-name-button'
import { TokenStatusBadge } from '../../common/token-status-badge'
import './token-row.css'

interface TokenRowProps {
  token: Token
  /** 1-based position in the grid (the header row is 1). */
  rowIndex: number
  /** The virtualizer's ref: it measures the row, whose height depends on the layout. */
  measureRef: (element: HTMLDivElement | null) => void
  isSessionToken: boolean
  /** A revoke for this token is in flight. */
  pending: boolean
  /** Created from this view a moment ago: highlighted. */
  fresh: boolean
  /** Ticked for "Revoke selected". */
  selected: boolean
  /** Its checkbox was clicked; `range` with Shift (every row from the last one clicked). */
  onSelect: (id: string, range: boolean) => void
  /** The column holding the grid's one tab stop when it is in this row, else null. */
  activeCol: number | null
  onRevoke: (token: Token) => void
  onRotate: (token: Token) => void
  /** Opens the token's details (its name is the button). */
  onDetails: (id: string) => void
  /** This token's last revoke failed: shown in place of Revoke until dismissed or retried. */
  failure: RevokeFailureCopy | undefined
  onRetry: (token: Token) => void
  onDismissFailure: (id: string) => void
}

/**
 * One token as a grid row: a table row on wide screens, two lines on narrower ones and a card on
 * phones (the CSS places the same cells). Memoised: a row re-renders when its token, its pending
 * state or the grid's focus in it changes, or when its own clock-driven text moves; never when it
 * only moves (the table writes its position).
 */
export const TokenRow = memo(function TokenRow({
  token,
  rowIndex,
  measureRef,
  isSessionToken,
  pending,
  fresh,
  selected,
  onSelect,
  activeCol,
  onRevoke,
  onRotate,
  onDetails,
  failure,
  onRetry,
  onDismissFailure,
}: TokenRowProps) {
  const { state, stale } = useTokenState(token)
  const inactive = state.kind === 'revoked' || state.kind === 'expired'
  const classes = [
    'token-row',
    inactive && 'token-row--inactive',
    pending && 'token-row--pending',
    failure && 'token-row--failed',
    fresh && 'token-row--fresh',
    selected && 'token-row--selected',
  ]
  // Roving focus: the active cell's control (or the cell itself) is the grid's one tab stop.
  const focus = (col: number, hasControl: boolean) => {
    const tabIndex = activeCol === col ? 0 : -1
    return { cell: hasControl ? undefined : tabIndex, control: tabIndex }
  }
  // Revoked and expired tokens are history: revoking one would change nothing.
  const canRevoke = !inactive
  const canRotate = canRevoke && !pending
  const select = focus(1, canRevoke)
  const name = focus(2, true)
  const preview = focus(3, false)
  const scopes = focus(4, hasMoreScopesButton(token.scopes))
  const showRevokedAt = !pending && token.revokedAt !== null
  const status = focus(5, showRevokedAt)
  const created = focus(6, true)
  const lastUsed = focus(7, token.lastUsedAt !== null)
  const expires = focus(8, token.expiresAt !== null)
  const rotate = focus(9, canRotate)
  const actions = focus(10, canRevoke || failure !== undefined)

  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-busy={pending || undefined}
      data-index={rowIndex - 2}
      data-token-id={token.id}
      ref={measureRef}
      // Positioned by the table (a transform it writes itself), so scrolling and re-measuring
      // never re-render a row.
      className={classes.filter(Boolean).join(' ')}
    >
      <div role="gridcell" className="tokens-grid__cell cell--select" tabIndex={select.cell}>
        {canRevoke && (
          <input
            type="checkbox"
            aria-label={`Select ${token.name}`}
            checked={selected}
            tabIndex={select.control}
            // A click's Shift (the keyboard's Space with Shift too) selects a range.
            onChange={(event) =>
              onSelect(token.id, (event.nativeEvent as Partial<MouseEvent>).shiftKey === true)
            }
          />
        )}
      </div>
      <div role="rowheader" className="tokens-grid__cell cell--name">
        <TokenNameButton
          name={token.name}
          tabIndex={name.control}
          onClick={() => onDetails(token.id)}
        />
        {isSessionToken && <span className="badge badge--session">This session</span>}
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--preview" tabIndex={preview.cell}>
        <code className="preview">{token.preview}</code>
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--scopes" tabIndex={scopes.cell}>
        <ScopeList scopes={token.scopes} tabIndex={scopes.control} />
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--status" tabIndex={status.cell}>
        <div className="cell-stack">
          <TokenStatusBadge state={state} />
          {state.kind === 'expiring' && (
            <span className="cell-note">{daysLeftText(state.daysLeft)}: rotate it</span>
          )}
          {pending && (
            <span className="cell-note pending-note">
              <span className="spinner spinner--small" aria-hidden="true" />
              Confirming…
            </span>
          )}
          {showRevokedAt && token.revokedAt !== null && (
            <span className="cell-note">
              <Timestamp value={token.revokedAt} label="Revoked" tabIndex={status.control} />
            </span>
          )}
        </div>
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--created">
        <span className="cell-label" aria-hidden="true">
          Created
        </span>
        <Timestamp value={token.createdAt} label="Created" tabIndex={created.control} withDate />
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--last-used" tabIndex={lastUsed.cell}>
        <span className="cell-label" aria-hidden="true">
          Last used
        </span>
        <LastUsedCell
          token={token}
          stale={stale}
          isSessionToken={isSessionToken}
          tabIndex={lastUsed.control}
        />
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--expires" tabIndex={expires.cell}>
        <span className="cell-label" aria-hidden="true">
          Expiry
        </span>
        <ExpiresCell token={token} state={state} tabIndex={expires.control} />
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--rotate" tabIndex={rotate.cell}>
        {canRotate && (
          <Button
            variant={state.kind === 'expiring' ? 'secondary' : 'quiet'}
            className="rotate-button"
            aria-label={`Rotate ${token.name}`}
            aria-haspopup="dialog"
            tabIndex={rotate.control}
            onClick={() => onRotate(token)}
          >
            Rotate
          </Button>
        )}
      </div>
      <div role="gridcell" className="tokens-grid__cell cell--actions" tabIndex={actions.cell}>
        {failure ? (
          <LazyRevokeFailureNote
            token={token}
            failure={failure}
            canRetry={canRevoke && !pending}
            onRetry={onRetry}
            onDismiss={onDismissFailure}
            tabIndex={actions.control}
          />
        ) : (
          canRevoke && (
            <Button
              variant="quiet"
              className="revoke-button"
              aria-label={`Revoke ${token.name}`}
              // aria-disabled, not disabled: a disabled button cannot hold the grid's focus.
              aria-disabled={pending || undefined}
              tabIndex={actions.control}
              onClick={() => {
                if (!pending) onRevoke(token)
              }}
            >
              Revoke
            </Button>
          )
        )}
      </div>
    </div>
  )
})

function daysLeftText(days: number): string {
  if (days === 0) return 'Less than a day left'
  return days === 1 ? '1 day left' : `${days} days left`
}
