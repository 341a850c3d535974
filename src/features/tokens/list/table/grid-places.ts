import type { CSSProperties } from 'react'
import { FOLDED_TRACKS, TOKEN_COLUMNS } from './token-columns'

/** The grid's tracks in each layout (`--cards-tracks`…): on one line, each column's own width. */
export const GRID_TRACKS = Object.fromEntries(
  Object.entries({ ...FOLDED_TRACKS, full: TOKEN_COLUMNS.map(({ width }) => width).join(' ') }).map(
    ([layout, tracks]) => [`--${layout}-tracks`, tracks],
  ),
) as CSSProperties

/**
 * Each column's place in each folded layout (`--cards-at`…) as a `grid-area`; on one line, the
 * cells take the tracks in order.
 */
export const CELL_PLACES = TOKEN_COLUMNS.map(
  ({ at }) =>
    Object.fromEntries(
      Object.entries(at).map(([layout, place]) => [`--${layout}-at`, place]),
    ) as CSSProperties,
)
