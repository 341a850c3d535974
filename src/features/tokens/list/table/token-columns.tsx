import type { ReactNode } from 'react'
import { Timestamp } from '../../../../components/timestamp'
import { Button } from '../../../../components/ui/button'
import type { Token } from '../../api/token-schema'
import { LastUsedCell } from '../../common/last-used-cell'
import type { TokenSortKey } from '../../common/search'
import { TokenStatusBadge } from '../../common/token-status-badge'
import type { TokenState } from '../../common/token-state'
import type { RevokeFailureCopy } from '../../revoke/describe-revoke-error'
import { LazyRevokeFailureNote } from '../../../../loaded-later'
import { ExpiresCell } from './expires-cell'
import { hasMoreScopesButton, ScopeList } from './scope-list'
import { TokenNameButton } from './token-name-button'

/** What a row is told of its token: TokenRow's props, less its place in the grid. */
export interface TokenRowFacts {
  token: Token
  isSessionToken: boolean
  /** A revoke for this token is in flight. */
  pending: boolean
  /** Ticked for "Revoke selected". */
  selected: boolean
  /** This token's last revoke failed: shown in place of Revoke until dismissed or retried. */
  failure: RevokeFailureCopy | undefined
  /** Its checkbox was clicked; `range` with Shift (every row from the last one clicked). */
  onSelect: (id: string, range: boolean) => void
  onRevoke: (token: Token) => void
  onRotate: (token: Token) => void
  /** Opens the token's details (its name is the button). */
  onDetails: (id: string) => void
  onRetry: (token: Token) => void
  onDismissFailure: (id: string) => void
}

/** One row as its cells see it: its facts and the token's state on the page clock. */
export interface TokenCellContext extends TokenRowFacts {
  state: TokenState
  stale: boolean
  /** Revoked and expired tokens are history: revoking one would change nothing. */
  canRevoke: boolean
  canRotate: boolean
}

/** The layouts narrower than one line per token, widest last (tokens-table.css picks one). */
type FoldedLayout = 'cards' | 'compact' | 'medium'

/** A cell's place in a layout's grid, as `grid-area`: row / column, then spans if not 1. */
type Place = string

export interface TokenColumn {
  /** Its cells' class: `cell--<id>`. */
  id: string
  label: string
  sortKey?: TokenSortKey
  /** The header's text is for screen readers only (a column of buttons). */
  labelHidden?: boolean
  /** Its header is a checkbox that ticks every row in view. */
  selectsAll?: boolean
  /** Its cell names the row (`rowheader`). */
  namesRow?: boolean
  /** Shown before the value where no header is above it (cards, lines folded under the name). */
  cellLabel?: string
  /** Its track when every column is on one line. */
  width: string
  /** Where its cell sits in each narrower layout. */
  at: Record<FoldedLayout, Place>
  /** Below one line per token its cell folds into other columns' lines: no header of its own. */
  folded?: boolean
  /** The cell's own control takes the grid's focus; otherwise the cell itself does. */
  hasControl: (row: TokenCellContext) => boolean
  cell: (row: TokenCellContext, tabIndex: number) => ReactNode
}

/** Each folded layout's tracks, for the places in `at`. */
export const FOLDED_TRACKS: Record<FoldedLayout, string> = {
  cards: 'minmax(0, 1fr) minmax(0, 1fr) auto',
  compact: '20px minmax(0, 1fr) 124px 112px 100px 76px',
  medium: '20px minmax(0, max-content) minmax(0, 1fr) 128px 116px 110px 80px',
}

const ALWAYS = () => true

/** The token grid's columns, in reading order: the header, the rows, the keyboard and the layout. */
export const TOKEN_COLUMNS: readonly TokenColumn[] = [
  {
    id: 'select',
    label: 'Select',
    selectsAll: true,
    width: '20px',
    at: { cards: '1 / 3', compact: '1 / 1', medium: '1 / 1' },
    hasControl: (row) => row.canRevoke,
    cell: ({ token, canRevoke, selected, onSelect }, tabIndex) =>
      canRevoke && (
        <input
          type="checkbox"
          aria-label={`Select ${token.name}`}
          checked={selected}
          tabIndex={tabIndex}
          // A click's Shift (the keyboard's Space with Shift too) selects a range.
          onChange={(event) =>
            onSelect(token.id, (event.nativeEvent as Partial<MouseEvent>).shiftKey === true)
          }
        />
      ),
  },
  {
    id: 'name',
    label: 'Name',
    sortKey: 'name',
    namesRow: true,
    width: 'minmax(0, 2fr)',
    at: { cards: '1 / 1 / span 1 / span 2', compact: '1 / 2', medium: '1 / 2 / span 1 / span 2' },
    hasControl: ALWAYS,
    cell: ({ token, isSessionToken, onDetails }, tabIndex) => (
      <>
        <TokenNameButton
          name={token.name}
          tabIndex={tabIndex}
          onClick={() => onDetails(token.id)}
        />
        {isSessionToken && <span className="badge badge--session">This session</span>}
      </>
    ),
  },
  {
    id: 'preview',
    label: 'Preview',
    width: '184px',
    at: { cards: '2 / 1 / span 1 / span 3', compact: '2 / 1 / span 1 / span 2', medium: '2 / 2' },
    folded: true,
    hasControl: () => false,
    cell: ({ token }) => <code className="preview">{token.preview}</code>,
  },
  {
    id: 'scopes',
    label: 'Scopes',
    width: 'minmax(0, 1.4fr)',
    at: {
      cards: '5 / 2 / span 1 / span 2',
      compact: '4 / 1 / span 1 / span 2',
      medium: '3 / 2 / span 1 / span 2',
    },
    folded: true,
    hasControl: ({ token }) => hasMoreScopesButton(token.scopes),
    cell: ({ token }, tabIndex) => <ScopeList scopes={token.scopes} tabIndex={tabIndex} />,
  },
  {
    id: 'status',
    label: 'Status',
    width: '128px',
    at: {
      cards: '3 / 1 / span 1 / span 3',
      compact: '1 / 3 / span 4 / span 1',
      medium: '1 / 4 / span 3 / span 1',
    },
    hasControl: showsRevokedAt,
    cell: (row, tabIndex) => (
      <div className="cell-stack">
        <TokenStatusBadge state={row.state} />
        {row.state.kind === 'expiring' && (
          <span className="cell-note">{daysLeftText(row.state.daysLeft)}: rotate it</span>
        )}
        {row.pending && (
          <span className="cell-note pending-note">
            <span className="spinner spinner--small" aria-hidden="true" />
            Confirming…
          </span>
        )}
        {showsRevokedAt(row) && row.token.revokedAt !== null && (
          <span className="cell-note">
            <Timestamp value={row.token.revokedAt} label="Revoked" tabIndex={tabIndex} />
          </span>
        )}
      </div>
    ),
  },
  {
    id: 'created',
    label: 'Created',
    sortKey: 'created',
    width: '116px',
    at: { cards: '5 / 1', compact: '3 / 1 / span 1 / span 2', medium: '2 / 3' },
    folded: true,
    cellLabel: 'Created',
    hasControl: ALWAYS,
    cell: ({ token }, tabIndex) => (
      <Timestamp value={token.createdAt} label="Created" tabIndex={tabIndex} withDate />
    ),
  },
  {
    id: 'last-used',
    label: 'Last used',
    sortKey: 'lastUsed',
    width: '116px',
    at: { cards: '4 / 1', compact: '1 / 4 / span 4 / span 1', medium: '1 / 5 / span 3 / span 1' },
    cellLabel: 'Last used',
    hasControl: ({ token }) => token.lastUsedAt !== null,
    cell: ({ token, stale, isSessionToken }, tabIndex) => (
      <LastUsedCell
        token={token}
        stale={stale}
        isSessionToken={isSessionToken}
        tabIndex={tabIndex}
      />
    ),
  },
  {
    id: 'expires',
    label: 'Expires',
    sortKey: 'expires',
    width: '110px',
    at: {
      cards: '4 / 2 / span 1 / span 2',
      compact: '1 / 5 / span 4 / span 1',
      medium: '1 / 6 / span 3 / span 1',
    },
    cellLabel: 'Expiry',
    hasControl: ({ token }) => token.expiresAt !== null,
    cell: ({ token, state }, tabIndex) => (
      <ExpiresCell token={token} state={state} tabIndex={tabIndex} />
    ),
  },
  {
    id: 'rotate',
    label: 'Rotate',
    labelHidden: true,
    width: '76px',
    at: { cards: '6 / 1', compact: '1 / 6 / span 2 / span 1', medium: '1 / 7' },
    folded: true,
    hasControl: (row) => row.canRotate,
    cell: ({ token, state, canRotate, onRotate }, tabIndex) =>
      canRotate && (
        <Button
          variant={state.kind === 'expiring' ? 'secondary' : 'quiet'}
          className="rotate-button"
          aria-label={`Rotate ${token.name}`}
          aria-haspopup="dialog"
          tabIndex={tabIndex}
          onClick={() => onRotate(token)}
        >
          Rotate
        </Button>
      ),
  },
  {
    id: 'actions',
    label: 'Revoke',
    labelHidden: true,
    width: '80px',
    at: {
      cards: '6 / 2 / span 1 / span 2',
      compact: '3 / 6 / span 2 / span 1',
      medium: '2 / 7 / span 2 / span 1',
    },
    hasControl: (row) => row.canRevoke || row.failure !== undefined,
    cell: (
      { token, pending, failure, canRevoke, onRevoke, onRetry, onDismissFailure },
      tabIndex,
    ) =>
      failure ? (
        <LazyRevokeFailureNote
          token={token}
          failure={failure}
          canRetry={canRevoke && !pending}
          onRetry={onRetry}
          onDismiss={onDismissFailure}
          tabIndex={tabIndex}
        />
      ) : (
        canRevoke && (
          <Button
            variant="quiet"
            className="revoke-button"
            aria-label={`Revoke ${token.name}`}
            // aria-disabled, not disabled: a disabled button cannot hold the grid's focus.
            aria-disabled={pending || undefined}
            tabIndex={tabIndex}
            onClick={() => {
              if (!pending) onRevoke(token)
            }}
          >
            Revoke
          </Button>
        )
      ),
  },
]

function showsRevokedAt({ pending, token }: TokenCellContext): boolean {
  return !pending && token.revokedAt !== null
}

function daysLeftText(days: number): string {
  if (days === 0) return 'Less than a day left'
  return days === 1 ? '1 day left' : `${days} days left`
}
