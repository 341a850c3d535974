import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import type { ReactNode } from 'react'
import type { SortDirection, TokenSortKey } from '../search'
import './sortable-header.css'

interface SortableHeaderProps {
  sortKey: TokenSortKey
  /** The table is sorted by this column. */
  active: boolean
  dir: SortDirection
  onSort: (key: TokenSortKey) => void
  children: ReactNode
}

/** A column header that sorts on click or Enter, and tells assistive tech how it is sorted. */
export function SortableHeader({ sortKey, active, dir, onSort, children }: SortableHeaderProps) {
  const Icon = !active ? ArrowUpDown : dir === 'asc' ? ArrowUp : ArrowDown
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className={`sort-button${active ? ' sort-button--active' : ''}`}
        onClick={() => onSort(sortKey)}
      >
        {children}
        <Icon aria-hidden="true" size={14} />
      </button>
    </th>
  )
}
