import { ArrowDown, ArrowUp, ArrowUpDown } from '../../../../components/icons'
import type { ReactNode } from 'react'
import type { SortDirection, TokenSortKey } from '../../common/search'
import './sortable-header.css'

interface SortableHeaderProps {
  sortKey: TokenSortKey
  /** The table is sorted by this column. */
  active: boolean
  dir: SortDirection
  onSort: (key: TokenSortKey) => void
  /** For the grid's roving focus. */
  tabIndex: number
  className: string
  children: ReactNode
}

/** A column header that sorts on click or Enter, and tells assistive tech how it is sorted. */
export function SortableHeader({
  sortKey,
  active,
  dir,
  onSort,
  tabIndex,
  className,
  children,
}: SortableHeaderProps) {
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown
  return (
    <div
      role="columnheader"
      className={className}
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
