import { useEffect } from 'react'
import type { Token } from '../api/token-schema'
import { prepareSearchTexts } from './overview/filter-tokens'
import { prepareNameOrder } from './table/sort-tokens'
import { whenIdle } from '../../../lib/when-idle'

/** Tokens prepared before checking the idle deadline again: a few ms even on a slow machine. */
const SLICE = 500

/**
 * Once a list is on screen, does in the browser's idle time what the next interaction would
 * otherwise do while the person waits:
 * - the search text of every token, a slice at a time (never a long task), so the first keystroke
 *   in search only compares;
 * - then the names' collation ranks, in one idle callback (a few ms at 1,000 tokens, ~50 ms at
 *   10,000), so a click on the Name header only compares numbers.
 */
export function useIdleListPreparation(tokens: readonly Token[]): void {
  useEffect(() => {
    let next = 0
    let cancel = () => {}
    const step = (deadline?: IdleDeadline) => {
      do {
        prepareSearchTexts(tokens.slice(next, next + SLICE))
        next += SLICE
      } while (next < tokens.length && deadline !== undefined && deadline.timeRemaining() > 2)
      cancel = whenIdle(next < tokens.length ? step : () => prepareNameOrder(tokens))
    }
    cancel = whenIdle(step)
    return () => cancel()
  }, [tokens])
}
