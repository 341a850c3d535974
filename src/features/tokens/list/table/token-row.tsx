import { memo } from 'react'
import { useTokenState } from '../../common/use-token-state'
import { CELL_PLACES } from './grid-places'
import { TOKEN_COLUMNS, type TokenCellContext, type TokenRowFacts } from './token-columns'
import './token-row.css'

interface TokenRowProps extends TokenRowFacts {
  /** 1-based position in the grid (the header row is 1). */
  rowIndex: number
  /** The virtualizer's ref: it measures the row, whose height depends on the layout. */
  measureRef: (element: HTMLDivElement | null) => void
  /** Created from this view a moment ago: highlighted. */
  fresh: boolean
  /** The column holding the grid's one tab stop when it is in this row, else null. */
  activeCol: number | null
}

/**
 * One token as a grid row, its cells drawn from TOKEN_COLUMNS. Memoised: it re-renders when its
 * token, pending state, focus or clock-driven text changes, never when it only moves.
 */
export const TokenRow = memo(function TokenRow(props: TokenRowProps) {
  const { token, rowIndex, measureRef, pending, fresh, selected, activeCol, failure } = props
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
  const row: TokenCellContext = {
    ...props,
    state,
    stale,
    canRevoke: !inactive,
    canRotate: !inactive && !pending,
  }

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
      {TOKEN_COLUMNS.map((column, index) => {
        // Roving focus: the active cell's control (or the cell itself) is the grid's one tab stop.
        const tabIndex = activeCol === index + 1 ? 0 : -1
        return (
          <div
            key={column.id}
            role={column.namesRow ? 'rowheader' : 'gridcell'}
            className={`tokens-grid__cell cell--${column.id}`}
            style={CELL_PLACES[index]}
            tabIndex={column.hasControl(row) ? undefined : tabIndex}
          >
            {column.cellLabel && (
              <span className="cell-label" aria-hidden="true">
                {column.cellLabel}
              </span>
            )}
            {column.cell(row, tabIndex)}
          </div>
        )
      })}
    </div>
  )
})
