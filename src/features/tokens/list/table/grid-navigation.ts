/** A cell of the token grid, by its ARIA indices: row 1 is the header row, columns count from 1. */
export interface GridPosition {
  row: number
  col: number
}

interface GridShape {
  /** The first row a person can reach: 1, or 2 when the header row is hidden (the card layout). */
  firstRow: number
  lastRow: number
  /** The columns shown in the current layout, ascending (hidden columns are skipped). */
  columns: readonly number[]
  /** Rows moved by Page Up and Page Down. */
  pageRows: number
}

/**
 * Where a key moves the grid's focus, following the WAI-ARIA data grid pattern: arrows move one
 * cell, Home and End go to the row's ends (with Ctrl, the grid's), Page Up and Page Down move a
 * page of rows. `null` when the key is not a grid key, so the browser keeps it.
 */
export function nextGridPosition(
  key: string,
  ctrl: boolean,
  at: GridPosition,
  shape: GridShape,
): GridPosition | null {
  const { firstRow, lastRow, columns, pageRows } = shape
  const first = columns[0] ?? at.col
  const last = columns[columns.length - 1] ?? at.col
  const clampRow = (row: number) => Math.min(lastRow, Math.max(firstRow, row))
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), col: at.col }
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), col: at.col }
    case 'ArrowRight':
      return { row: at.row, col: columns.find((col) => col > at.col) ?? last }
    case 'ArrowLeft':
      return { row: at.row, col: columns.findLast((col) => col < at.col) ?? first }
    case 'Home':
      return { row: ctrl ? firstRow : at.row, col: first }
    case 'End':
      return { row: ctrl ? lastRow : at.row, col: last }
    case 'PageDown':
      return { row: clampRow(at.row + pageRows), col: at.col }
    case 'PageUp':
      return { row: clampRow(at.row - pageRows), col: at.col }
    default:
      return null
  }
}

/** The shown column nearest to `col` (left first), for a row whose layout hides that column. */
export function nearestColumn(col: number, columns: readonly number[]): number {
  if (columns.includes(col) || columns.length === 0) return col
  return columns.findLast((shown) => shown < col) ?? columns[0] ?? col
}
