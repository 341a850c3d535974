import {
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react'
import { nearestColumn, nextGridPosition, type GridPosition } from './grid-navigation'

const HEADER_ROW = 1
const PAGE_ROWS = 10
const CELL_SELECTOR = '[role="gridcell"], [role="rowheader"], [role="columnheader"]'

interface GridKeyboardOptions {
  gridRef: RefObject<HTMLElement | null>
  /** The header row's group: the cards layout hides it, and the keys skip it then. */
  headRef: RefObject<HTMLElement | null>
  /** The header row and one row per token. */
  rowCount: number
  /** The column holding the tab stop at first (the rows' names). */
  firstCol: number
  /** Brings a token's row (from 0) into view, drawing it if it was not. */
  scrollToRow: (index: number) => void
}

/**
 * The grid as one tab stop (WAI-ARIA data grid): arrow keys, Home/End and Page Up/Down move it
 * between cells and rows, and focus follows once the row is drawn. Returns where it is.
 */
export function useGridKeyboard(options: GridKeyboardOptions) {
  const { gridRef, headRef, rowCount, scrollToRow } = options
  const [active, setActive] = useState<GridPosition>({ row: HEADER_ROW + 1, col: options.firstCol })
  // Rows come and go with filters: the tab stop stays inside the grid.
  const current = { row: Math.min(active.row, rowCount), col: active.col }

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

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.shiftKey) return
    const from = positionOf(event.target)
    if (!from) return
    const row = findRow(gridRef.current, from.row)
    const next = nextGridPosition(event.key, event.ctrlKey || event.metaKey, from, {
      firstRow: headRef.current && isShown(headRef.current) ? HEADER_ROW : HEADER_ROW + 1,
      lastRow: rowCount,
      columns: row ? shownColumns(row) : [from.col],
      pageRows: PAGE_ROWS,
    })
    if (!next) return
    event.preventDefault()
    focusPending.current = true
    setActive(next)
    if (next.row > HEADER_ROW) scrollToRow(next.row - 2)
  }

  // A click or a programmatic focus (the dialog giving focus back) moves the tab stop too.
  function onFocus(event: FocusEvent<HTMLElement>) {
    const at = positionOf(event.target)
    if (at && (at.row !== active.row || at.col !== active.col)) setActive(at)
  }

  return { active: current, onKeyDown, onFocus }
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
