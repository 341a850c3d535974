import { useEffect } from 'react'
import type { Token } from '../api/token-schema'
import { prepareSearchTexts } from './overview/filter-tokens'
import { prepareNameOrder } from './table/sort-tokens'
import { whenIdle } from '../../../lib/when-idle'

/** Tokens prepared before checking the idle deadline again: a few ms even on a slow machine. */
const SLICE = 500

/**
 * Once a list is on screen, does in idle time what the next interaction would otherwise make the
 * person wait for: every token's search text, a slice at a time (never a long task), then the
 * names' collation ranks in one callback (docs/performance.md).
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
