import type { SortDirection, TokenSortKey } from '../../common/search'
import { CELL_PLACES } from './grid-places'
import { SortableHeader } from './sortable-header'
import { TOKEN_COLUMNS } from './token-columns'

interface ColumnHeaderProps {
  /** The column's index in TOKEN_COLUMNS. */
  index: number
  /** The grid's tab stop is on this header. */
  active: boolean
  sortKey: TokenSortKey
  sortDir: SortDirection
  onSort: (key: TokenSortKey) => void
  /** How many rows in view can be ticked, and how many are. */
  selectable: number
  selected: number
  onSelectAll: (on: boolean) => void
}

/** A column's header cell: a sort button, a checkbox that ticks every row in view, or its label. */
export function ColumnHeader({ index, active, ...props }: ColumnHeaderProps) {
  const column = TOKEN_COLUMNS[index]
  if (!column) return null
  const cell = {
    className: `tokens-grid__cell cell--${column.id}`,
    style: CELL_PLACES[index],
    'data-folded': column.folded,
  }
  const tabIndex = active ? 0 : -1
  if (column.sortKey) {
    return (
      <SortableHeader
        {...cell}
        sortKey={column.sortKey}
        active={props.sortKey === column.sortKey}
        dir={props.sortDir}
        onSort={props.onSort}
        tabIndex={tabIndex}
      >
        {column.label}
      </SortableHeader>
    )
  }
  const { selectable, selected } = props
  if (column.selectsAll && selectable > 0) {
    return (
      <div role="columnheader" {...cell}>
        <input
          type="checkbox"
          aria-label={`Select all ${selectable} tokens in view`}
          checked={selected > 0 && selected === selectable}
          ref={(box) => {
            if (box) box.indeterminate = selected > 0 && selected < selectable
          }}
          tabIndex={tabIndex}
          onChange={(event) => props.onSelectAll(event.target.checked)}
        />
      </div>
    )
  }
  // With no row to tick, the select column's header is only its (hidden) label.
  const hidden = column.labelHidden || column.selectsAll
  return (
    <div
      role="columnheader"
      {...cell}
      tabIndex={column.selectsAll && !active ? undefined : tabIndex}
    >
      {hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
    </div>
  )
}
