import { memo, useCallback, useLayoutEffect, useRef } from 'react'
import { useSessionTokenId } from '../../../session/api/me-queries'
import type { Token } from '../../api/token-schema'
import type { SortDirection, TokenSortKey } from '../../common/search'
import type { RevokeFailures } from '../../revoke/use-revoke'
import { ColumnHeader } from './column-header'
import { GRID_TRACKS } from './grid-places'
import { TOKEN_COLUMNS } from './token-columns'
import { TokenRow } from './token-row'
import { useGridKeyboard } from './use-grid-keyboard'
import { useVirtualRows } from './use-virtual-rows'
import './tokens-table.css'
import './token-cells.css'

interface TokensTableProps {
  /** The rows to show, already filtered and sorted. */
  tokens: readonly Token[]
  /** Ids with a revoke in flight (from the mutation cache). */
  pendingIds: ReadonlySet<string>
  /** Ids created from this view: highlighted. */
  freshIds: ReadonlySet<string>
  /** Ids ticked for "Revoke selected". */
  selectedIds: ReadonlySet<string>
  /** How many rows in view can be ticked: the header's box selects them all. */
  selectable: number
  onSelect: (id: string, range: boolean) => void
  onSelectAll: (on: boolean) => void
  sortKey: TokenSortKey
  sortDir: SortDirection
  onSort: (key: TokenSortKey) => void
  onRevoke: (token: Token) => void
  onRotate: (token: Token) => void
  onDetails: (id: string) => void
  /** Failed revokes by token id, each shown on its row until dismissed or retried. */
  failures: RevokeFailures
  onRetry: (token: Token) => void
  onDismissFailure: (id: string) => void
  /** The grid's accessible name: what it lists and how it is sorted. */
  label: string
}

/** The rows' names hold the grid's tab stop at first. */
const NAME_COL = TOKEN_COLUMNS.findIndex((column) => column.namesRow) + 1

/**
 * The token list as an ARIA grid over the page's scroll: only the rows in view (plus a few) are in
 * the DOM, so 10,000 tokens cost about what 50 do. The header stays in view; the grid is one tab
 * stop. Its columns, their cells and their places at each width are TOKEN_COLUMNS.
 */
export const TokensTable = memo(function TokensTable({
  tokens,
  pendingIds,
  freshIds,
  selectedIds,
  selectable,
  onSelect,
  onSelectAll,
  sortKey,
  sortDir,
  onSort,
  onRevoke,
  onRotate,
  onDetails,
  failures,
  onRetry,
  onDismissFailure,
  label,
}: TokensTableProps) {
  const sessionTokenId = useSessionTokenId()
  const gridRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLDivElement>(null)
  const rowCount = tokens.length + 1
  const keyboard = useGridKeyboard({
    gridRef,
    headRef,
    rowCount,
    firstCol: NAME_COL,
    scrollToRow: (index) => rows.virtualizer.scrollToIndex(index, { align: 'auto' }),
  })
  const { active } = keyboard
  const rows = useVirtualRows({ tokens, bodyRef, headRef, keptIndex: active.row - 2 })

  // Stable callbacks for the memoised rows; the page's handlers may change every render.
  const handlers = useRef({ onRevoke, onRotate, onDetails, onRetry, onDismissFailure, onSelect })
  useLayoutEffect(() => {
    handlers.current = { onRevoke, onRotate, onDetails, onRetry, onDismissFailure, onSelect }
  })
  const select = useCallback(
    (id: string, range: boolean) => handlers.current.onSelect(id, range),
    [],
  )
  const revoke = useCallback((token: Token) => handlers.current.onRevoke(token), [])
  const rotate = useCallback((token: Token) => handlers.current.onRotate(token), [])
  const details = useCallback((id: string) => handlers.current.onDetails(id), [])
  const retry = useCallback((token: Token) => handlers.current.onRetry(token), [])
  const dismissFailure = useCallback((id: string) => handlers.current.onDismissFailure(id), [])

  return (
    <div className="tokens-grid-frame">
      {/* The keyboard handlers belong to the grid: its cells and controls are what is focused. */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div
        ref={gridRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount}
        aria-colcount={TOKEN_COLUMNS.length}
        aria-readonly="true"
        className="tokens-grid"
        style={GRID_TRACKS}
        onKeyDown={keyboard.onKeyDown}
        onFocus={keyboard.onFocus}
      >
        <div role="rowgroup" ref={headRef} className="tokens-grid__head">
          <div role="row" aria-rowindex={1} className="tokens-grid__header-row">
            {TOKEN_COLUMNS.map((column, index) => (
              <ColumnHeader
                key={column.id}
                index={index}
                active={active.row === 1 && active.col === index + 1}
                sortKey={sortKey}
                sortDir={sortDir}
                onSort={onSort}
                selectable={selectable}
                selected={selectedIds.size}
                onSelectAll={onSelectAll}
              />
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          ref={bodyRef}
          className="tokens-grid__body"
          style={{ height: rows.virtualizer.getTotalSize() }}
        >
          {rows.items.map((item) => {
            const token = tokens[item.index]
            if (!token) return null
            const rowIndex = item.index + 2
            return (
              <TokenRow
                key={item.key}
                token={token}
                rowIndex={rowIndex}
                measureRef={rows.virtualizer.measureElement}
                isSessionToken={token.id === sessionTokenId}
                pending={pendingIds.has(token.id)}
                fresh={freshIds.has(token.id)}
                selected={selectedIds.has(token.id)}
                onSelect={select}
                activeCol={active.row === rowIndex ? active.col : null}
                onRevoke={revoke}
                onRotate={rotate}
                onDetails={details}
                failure={failures.get(token.id)}
                onRetry={retry}
                onDismissFailure={dismissFailure}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
})
