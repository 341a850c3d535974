import { describe, expect, it } from 'vitest'
import { nearestColumn, nextGridPosition } from './grid-navigation'

const shape = { firstRow: 1, lastRow: 40, columns: [1, 2, 3, 4, 5, 6, 7, 8], pageRows: 10 }
const folded = { ...shape, columns: [1, 4, 6, 7, 8] } // a narrow layout hides 2, 3 and 5

describe('nextGridPosition', () => {
  it('moves one row with the vertical arrows, stopping at the first and last rows', () => {
    expect(nextGridPosition('ArrowDown', false, { row: 2, col: 8 }, shape)).toEqual({
      row: 3,
      col: 8,
    })
    expect(nextGridPosition('ArrowUp', false, { row: 2, col: 8 }, shape)).toEqual({
      row: 1,
      col: 8,
    })
    expect(nextGridPosition('ArrowUp', false, { row: 1, col: 3 }, shape)).toEqual({
      row: 1,
      col: 3,
    })
    expect(nextGridPosition('ArrowDown', false, { row: 40, col: 1 }, shape)).toEqual({
      row: 40,
      col: 1,
    })
  })

  it('never goes up into a hidden header row', () => {
    const cards = { ...shape, firstRow: 2 }
    expect(nextGridPosition('ArrowUp', false, { row: 2, col: 1 }, cards)).toEqual({
      row: 2,
      col: 1,
    })
    expect(nextGridPosition('Home', true, { row: 9, col: 4 }, cards)).toEqual({ row: 2, col: 1 })
  })

  it('skips the columns a layout hides', () => {
    expect(nextGridPosition('ArrowRight', false, { row: 3, col: 1 }, folded)).toEqual({
      row: 3,
      col: 4,
    })
    expect(nextGridPosition('ArrowLeft', false, { row: 3, col: 6 }, folded)).toEqual({
      row: 3,
      col: 4,
    })
    expect(nextGridPosition('ArrowRight', false, { row: 3, col: 8 }, folded)).toEqual({
      row: 3,
      col: 8,
    })
    expect(nextGridPosition('ArrowLeft', false, { row: 3, col: 1 }, folded)).toEqual({
      row: 3,
      col: 1,
    })
  })

  it('goes to the ends of the row with Home and End, and of the grid with Ctrl', () => {
    expect(nextGridPosition('End', false, { row: 5, col: 2 }, shape)).toEqual({ row: 5, col: 8 })
    expect(nextGridPosition('Home', false, { row: 5, col: 6 }, folded)).toEqual({ row: 5, col: 1 })
    expect(nextGridPosition('End', true, { row: 5, col: 2 }, shape)).toEqual({ row: 40, col: 8 })
  })

  it('moves a page of rows, clamped', () => {
    expect(nextGridPosition('PageDown', false, { row: 5, col: 2 }, shape)).toEqual({
      row: 15,
      col: 2,
    })
    expect(nextGridPosition('PageDown', false, { row: 35, col: 2 }, shape)).toEqual({
      row: 40,
      col: 2,
    })
    expect(nextGridPosition('PageUp', false, { row: 5, col: 2 }, shape)).toEqual({ row: 1, col: 2 })
  })

  it('leaves every other key to the browser', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'Escape']) {
      expect(nextGridPosition(key, false, { row: 5, col: 2 }, shape)).toBeNull()
    }
  })
})

describe('nearestColumn', () => {
  it('keeps a shown column and otherwise takes the nearest shown one to its left', () => {
    expect(nearestColumn(4, folded.columns)).toBe(4)
    expect(nearestColumn(5, folded.columns)).toBe(4)
    expect(nearestColumn(3, folded.columns)).toBe(1)
    expect(nearestColumn(2, [4, 8])).toBe(4)
  })
})
