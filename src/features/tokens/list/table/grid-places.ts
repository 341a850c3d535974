import type { CSSProperties } from 'react'
import { FOLDED_TRACKS, TOKEN_COLUMNS } from './token-columns'

/** The grid's tracks in each layout (`--cards-tracks`…): every column its own on one line. */
export const GRID_TRACKS = Object.fromEntries(
  Object.entries({ ...FOLDED_TRACKS, full: TOKEN_COLUMNS.map(({ width }) => width) }).map(
    ([layout, tracks]) => [`--${layout}-tracks`, tracks.join(' ')],
  ),
) as CSSProperties

/** Each column's place in each layout (`--cards-at`…) as a `grid-area`: tokens-table.css picks one. */
export const CELL_PLACES = TOKEN_COLUMNS.map(
  ({ at }, index) =>
    Object.fromEntries(
      Object.entries({ ...at, full: [1, index + 1] }).map(
        ([layout, [row, col, rows = 1, cols = 1]]) => [
          `--${layout}-at`,
          `${row} / ${col} / span ${rows} / span ${cols}`,
        ],
      ),
    ) as CSSProperties,
)
