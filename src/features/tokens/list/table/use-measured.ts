import { useLayoutEffect, useState, type RefObject } from 'react'

const itself = (element: HTMLElement): Element => element

/**
 * A number read from the element's box, again whenever `watched(element)` or the window resizes;
 * never on mount (that would force a layout before the first paint). `read` and `watched` must be
 * stable (module-level) functions.
 */
export function useMeasured(
  ref: RefObject<HTMLElement | null>,
  read: (element: HTMLElement) => number,
  watched: (element: HTMLElement) => Element = itself,
): number {
  const [value, setValue] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setValue(read(element))
    const observer = new ResizeObserver(measure)
    observer.observe(watched(element))
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [ref, read, watched])
  return value
}

/**
 * The element's distance from the top of the document, current when what is above it changes
 * height (a banner, cards wrapping at another width): the window virtualizer's `scrollMargin`.
 */
export const documentTop = (element: HTMLElement): number =>
  Math.round(element.getBoundingClientRect().top + window.scrollY)

/** Anything above the element resizes the body. */
export const documentBody = (): Element => document.body

export const boxHeight = (element: HTMLElement): number => element.getBoundingClientRect().height
