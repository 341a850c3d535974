import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  windowScroll,
  type Virtualizer,
} from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react'
import { useSessionTokenId } from '../../../session/api/me-queries'
import type { Token } from '../../api/token-schema'
import { nearestColumn, nextGridPosition, type GridPosition } from './grid-navigation'
import type { SortDirection, TokenSortKey } from '../../common/search'
import { SortableHeader } from './sortable-header'
import { TokenRow } from './token-row'
import type { RevokeFailures } from '../../revoke/use-revoke-flow'
import { boxHeight, documentTop, documentBody, useMeasured } from './use-measured'
import './tokens-table.css'

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

const HEADER_ROW = 1
const COLUMN_COUNT = 10
/** A one-line row; rows are measured once drawn (two-line rows and cards are taller). */
const ESTIMATED_ROW_PX = 52
const PAGE_ROWS = 10
const CELL_SELECTOR = '[role="gridcell"], [role="rowheader"], [role="columnheader"]'

/**
 * The token list as an ARIA grid over the page's scroll: only the rows in view (plus a few) are in
 * the DOM, so 10,000 tokens cost about what 50 do. The header stays in view, and the grid is one
 * tab stop: arrow keys, Home/End and Page Up/Down move between cells and rows.
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
  const scrollMargin = useMeasured(bodyRef, documentTop, documentBody)
  const headHeight = useMeasured(headRef, boxHeight)

  const lastRow = tokens.length + 1
  // The grid's tab stop starts on the first row's name (column 2, after its checkbox).
  const [active, setActive] = useState<GridPosition>({ row: HEADER_ROW + 1, col: 2 })
  // Rows come and go with filters: the tab stop stays inside the grid.
  const current = { row: Math.min(active.row, lastRow), col: active.col }
  const activeIndex = current.row - 2

  // The virtualizer scrolls the window to its own offset when it attaches. On a fresh page that
  // no-op forces a layout before the first paint (~60 ms measured), and after Back it would undo
  // the router's scroll restoration: the first call is skipped, every later one (arrow keys) runs.
  const attached = useRef(false)
  // Stable while the rows are: a new function would make the virtualizer redo every row's
  // measurement (10,000 at once) on each render, a keystroke's or a clock tick's.
  const getItemKey = useCallback((index: number) => tokens[index]?.id ?? index, [tokens])
  const virtualizer = useWindowVirtualizer<HTMLDivElement>({
    scrollToFn: (offset, options, instance) => {
      if (!attached.current) {
        attached.current = true
        return
      }
      windowScroll(offset, options, instance)
    },
    count: tokens.length,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 3,
    scrollMargin,
    scrollPaddingStart: headHeight,
    getItemKey,
    measureElement: measureRow,
    // The row holding the tab stop stays in the DOM while scrolled away, so Tab always finds it.
    rangeExtractor: (range) => withIndex(defaultRangeExtractor(range), activeIndex),
  })

  // Each drawn row's position, written straight to the DOM before paint: a row whose place changes
  // (a row above measured taller, the list scrolled) is moved without re-rendering it.
  const items = virtualizer.getVirtualItems()
  useLayoutEffect(() => positionRows(bodyRef.current, items, scrollMargin))

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

  // After an arrow key, focus follows once the target row is drawn: at once when it is in view,
  // after the virtualizer's scroll when it was not.
  const focusPending = useRef(false)
  useLayoutEffect(() => {
    if (!focusPending.current) return
    const row = findRow(gridRef.current, current.row)
    if (!row) return
    focusPending.current = false
    const cell = row.children[nearestColumn(current.col, shownColumns(row)) - 1]
    if (cell instanceof HTMLElement) focusTarget(cell).focus({ preventScroll: true })
  })

  function moveTo(position: GridPosition) {
    focusPending.current = true
    setActive(position)
    if (position.row > HEADER_ROW) virtualizer.scrollToIndex(position.row - 2, { align: 'auto' })
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.shiftKey) return
    const from = positionOf(event.target)
    if (!from) return
    const row = findRow(gridRef.current, from.row)
    const next = nextGridPosition(event.key, event.ctrlKey || event.metaKey, from, {
      firstRow: headRef.current && isShown(headRef.current) ? HEADER_ROW : HEADER_ROW + 1,
      lastRow,
      columns: row ? shownColumns(row) : [from.col],
      pageRows: PAGE_ROWS,
    })
    if (!next) return
    event.preventDefault()
    moveTo(next)
  }

  // A click or a programmatic focus (the dialog giving focus back) moves the tab stop too.
  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const at = positionOf(event.target)
    if (at && (at.row !== active.row || at.col !== active.col)) setActive(at)
  }

  const header = (key: TokenSortKey, text: string, col: number, className: string) => (
    <SortableHeader
      sortKey={key}
      active={sortKey === key}
      dir={sortDir}
      onSort={onSort}
      tabIndex={current.row === HEADER_ROW && current.col === col ? 0 : -1}
      className={`tokens-grid__cell ${className}`}
    >
      {text}
    </SortableHeader>
  )
  const plainHeader = (text: string, col: number, className: string, hidden = false) => (
    <div
      role="columnheader"
      className={`tokens-grid__cell ${className}`}
      tabIndex={current.row === HEADER_ROW && current.col === col ? 0 : -1}
    >
      {hidden ? <span className="visually-hidden">{text}</span> : text}
    </div>
  )

  return (
    <div className="tokens-grid-frame">
      {/* The keyboard handlers belong to the grid: its cells and controls are what is focused. */}
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus */}
      <div
        ref={gridRef}
        role="grid"
        aria-label={label}
        aria-rowcount={lastRow}
        aria-colcount={COLUMN_COUNT}
        aria-readonly="true"
        className="tokens-grid"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div role="rowgroup" ref={headRef} className="tokens-grid__head">
          <div role="row" aria-rowindex={HEADER_ROW} className="tokens-grid__header-row">
            <div
              role="columnheader"
              className="tokens-grid__cell cell--select"
              tabIndex={
                selectable === 0 && current.row === HEADER_ROW && current.col === 1 ? 0 : undefined
              }
            >
              {selectable === 0 && <span className="visually-hidden">Select</span>}
              {selectable > 0 && (
                <input
                  type="checkbox"
                  aria-label={`Select all ${selectable} tokens in view`}
                  checked={selectedIds.size > 0 && selectedIds.size === selectable}
                  ref={(box) => {
                    if (box)
                      box.indeterminate = selectedIds.size > 0 && selectedIds.size < selectable
                  }}
                  tabIndex={current.row === HEADER_ROW && current.col === 1 ? 0 : -1}
                  onChange={(event) => onSelectAll(event.target.checked)}
                />
              )}
            </div>
            {header('name', 'Name', 2, 'cell--name')}
            {plainHeader('Preview', 3, 'cell--preview')}
            {plainHeader('Scopes', 4, 'cell--scopes')}
            {plainHeader('Status', 5, 'cell--status')}
            {header('created', 'Created', 6, 'cell--created')}
            {header('lastUsed', 'Last used', 7, 'cell--last-used')}
            {header('expires', 'Expires', 8, 'cell--expires')}
            {plainHeader('Rotate', 9, 'cell--rotate', true)}
            {plainHeader('Revoke', 10, 'cell--actions', true)}
          </div>
        </div>
        <div
          role="rowgroup"
          ref={bodyRef}
          className="tokens-grid__body"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const token = tokens[item.index]
            if (!token) return null
            const rowIndex = item.index + 2
            return (
              <TokenRow
                key={item.key}
                token={token}
                rowIndex={rowIndex}
                measureRef={virtualizer.measureElement}
                isSessionToken={token.id === sessionTokenId}
                pending={pendingIds.has(token.id)}
                fresh={freshIds.has(token.id)}
                selected={selectedIds.has(token.id)}
                onSelect={select}
                activeCol={current.row === rowIndex ? current.col : null}
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

/** Virtualizers whose ResizeObserver has reported at least once: their first paint is done. */
const laidOut = new WeakSet<Virtualizer<Window, HTMLDivElement>>()

/**
 * A row's height. Rows drawn for the first paint keep their estimate until the virtualizer's
 * ResizeObserver reports (right after the browser's own layout): measuring each as it mounts would
 * force a synchronous layout before anything is on screen. Rows drawn later (scrolling, a jump to
 * the last row) are measured at once, as `scrollToIndex` needs to land on them.
 */
function measureRow(
  element: HTMLDivElement,
  entry: ResizeObserverEntry | undefined,
  virtualizer: Virtualizer<Window, HTMLDivElement>,
): number {
  const box = entry?.borderBoxSize[0]
  if (box) {
    laidOut.add(virtualizer)
    return Math.round(box.blockSize)
  }
  if (laidOut.has(virtualizer)) return element.offsetHeight
  return (
    virtualizer.measurementsCache[virtualizer.indexFromElement(element)]?.size ?? ESTIMATED_ROW_PX
  )
}

/** Moves each drawn row (`data-index`) to its measured place below the top of the rows. */
function positionRows(
  body: HTMLElement | null,
  items: readonly { index: number; start: number }[],
  scrollMargin: number,
) {
  const starts = new Map(items.map((item) => [item.index, item.start - scrollMargin]))
  for (const row of body?.children ?? []) {
    if (!(row instanceof HTMLElement)) continue
    const start = starts.get(Number(row.dataset.index))
    if (start !== undefined) row.style.transform = `translateY(${start}px)`
  }
}

function withIndex(indexes: number[], index: number): number[] {
  if (index < 0 || indexes.includes(index)) return indexes
  return [...indexes, index].sort((a, b) => a - b)
}

function positionOf(target: EventTarget): GridPosition | null {
  if (!(target instanceof Element)) return null
  const cell = target.closest(CELL_SELECTOR)
  const row = cell?.closest('[role="row"]')
  if (!cell || !row) return null
  const rowIndex = Number(row.getAttribute('aria-rowindex'))
  const col = Array.prototype.indexOf.call(row.children, cell) + 1
  return rowIndex > 0 && col > 0 ? { row: rowIndex, col } : null
}

function findRow(grid: HTMLElement | null, row: number): HTMLElement | null {
  return grid?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${row}"]`) ?? null
}

/** The cell's own control (a sort button, a time, Revoke) takes focus; otherwise the cell. */
function focusTarget(cell: HTMLElement): HTMLElement {
  return cell.querySelector<HTMLElement>('button, [tabindex]') ?? cell
}

/** Columns a layout hides (the narrow ones fold some away) are skipped by the arrow keys. */
function shownColumns(row: HTMLElement): number[] {
  return Array.from(row.children).flatMap((cell, index) => (isShown(cell) ? [index + 1] : []))
}

function isShown(element: Element): boolean {
  const { width, height } = element.getBoundingClientRect()
  return width > 1 && height > 1
}
