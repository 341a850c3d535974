import { ArrowDown, ArrowUp, ArrowUpDown } from '../../../../components/icons'
import type { HTMLAttributes } from 'react'
import type { SortDirection, TokenSortKey } from '../../common/search'
import './sortable-header.css'

/** The header cell's own attributes (class, style) go on to it. */
interface SortableHeaderProps extends HTMLAttributes<HTMLDivElement> {
  sortKey: TokenSortKey
  /** The table is sorted by this column. */
  active: boolean
  dir: SortDirection
  onSort: (key: TokenSortKey) => void
  /** For the grid's roving focus: the button's, not the cell's. */
  tabIndex: number
}

/** A column header that sorts on click or Enter, and tells assistive tech how it is sorted. */
export function SortableHeader({
  sortKey,
  active,
  dir,
  onSort,
  tabIndex,
  children,
  ...cell
}: SortableHeaderProps) {
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown
  return (
    <div
      {...cell}
      role="columnheader"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        tabIndex={tabIndex}
        className={`sort-button${active ? ' sort-button--active' : ''}`}
        onClick={() => onSort(sortKey)}
      >
        {children}
        <Icon aria-hidden="true" size={14} />
      </button>
    </div>
  )
}
