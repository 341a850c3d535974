import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * The element's distance from the top of the document, kept current when what is above it
 * changes height (a banner, cards wrapping at another width). The window virtualizer needs it
 * as its `scrollMargin`.
 */
export function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY))
    // No measurement now: it would force a layout before the first paint. The observer reports
    // once right after the browser's own layout, when reading positions costs nothing.
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [ref])
  return top
}
