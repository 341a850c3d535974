import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  windowScroll,
  type Virtualizer,
} from '@tanstack/react-virtual'
import { useCallback, useContext, useLayoutEffect, useRef, type RefObject } from 'react'
import { ServerRenderContext } from '../../../../lib/ssr/server-render'
import type { Token } from '../../api/token-schema'
import { boxHeight, documentBody, documentTop, useMeasured } from './use-measured'

/** A one-line row; rows are measured once drawn (two-line rows and cards are taller). */
const ESTIMATED_ROW_PX = 52

/**
 * The viewport the first render assumes, before anything is measured: what the serve command
 * renders into the page, and what the render that hydrates it must draw too. 14 rows and the
 * overscan: more than a window 1,080 pixels high shows below the page's heading and cards (every
 * row drawn costs the first paint its layout). The virtualizer measures the real window once
 * mounted.
 */
const FIRST_SCREEN_RECT = { width: 1280, height: 720 }

interface VirtualRowsOptions {
  tokens: readonly Token[]
  /** The rows' container: its place on the page is the virtualizer's scroll margin. */
  bodyRef: RefObject<HTMLDivElement | null>
  /** The sticky header: rows scrolled to stop below it. */
  headRef: RefObject<HTMLDivElement | null>
  /** The row holding the grid's tab stop: kept in the DOM while scrolled away, so Tab finds it. */
  keptIndex: number
}

/**
 * Only the rows in view (plus a few) over the page's scroll, each measured once drawn and moved to
 * its place by a transform written before paint, so moving a row never re-renders it.
 */
export function useVirtualRows({ tokens, bodyRef, headRef, keptIndex }: VirtualRowsOptions) {
  const scrollMargin = useMeasured(bodyRef, documentTop, documentBody)
  const headHeight = useMeasured(headRef, boxHeight)
  // The virtualizer scrolls the window to its own offset when it attaches. On a fresh page that
  // no-op forces a layout before the first paint (~60 ms measured), and after Back it would undo
  // the router's scroll restoration: the first call is skipped, every later one (arrow keys) runs.
  const attached = useRef(false)
  // Stable while the rows are: a new function would make the virtualizer redo every row's
  // measurement (10,000 at once) on each render, a keystroke's or a clock tick's.
  const getItemKey = useCallback((index: number) => tokens[index]?.id ?? index, [tokens])
  // Hydrating a server render: from the top, as the server drew it, whatever the scroll.
  const serverRendered = useContext(ServerRenderContext) !== null
  const virtualizer = useWindowVirtualizer<HTMLDivElement>({
    initialRect: FIRST_SCREEN_RECT,
    ...(serverRendered ? { initialOffset: 0 } : {}),
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
    rangeExtractor: (range) => withIndex(defaultRangeExtractor(range), keptIndex),
  })

  // A row whose place changes (a row above measured taller, the list scrolled) is moved in the DOM.
  const items = virtualizer.getVirtualItems()
  useLayoutEffect(() => positionRows(bodyRef.current, items, scrollMargin))
  return { virtualizer, items }
}

/** Virtualizers whose ResizeObserver has reported at least once: their first paint is done. */
const laidOut = new WeakSet<Virtualizer<Window, HTMLDivElement>>()

/**
 * A row's height. First-paint rows keep their estimate until the ResizeObserver reports (a read on
 * mount would force a layout); rows drawn later are read at once, as `scrollToIndex` needs them.
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
