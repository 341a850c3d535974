import { useEffect } from 'react'
import type { Token } from '../api/token-schema'
import { prepareSearchTexts } from '../lib/filter-tokens'

/** Tokens prepared before checking the idle deadline again: a few ms even on a slow machine. */
const SLICE = 500

/**
 * Once a list is on screen, prepares its search text in the browser's idle time, a slice at a time
 * (never a long task), so the first keystroke in search only compares.
 */
export function useIdleSearchTexts(tokens: readonly Token[]): void {
  useEffect(() => {
    let next = 0
    let handle: number | undefined
    const step = (deadline?: IdleDeadline) => {
      do {
        prepareSearchTexts(tokens.slice(next, next + SLICE))
        next += SLICE
      } while (next < tokens.length && deadline !== undefined && deadline.timeRemaining() > 2)
      if (next < tokens.length) handle = schedule(step)
    }
    handle = schedule(step)
    return () => cancel(handle)
  }, [tokens])
}

function schedule(callback: (deadline?: IdleDeadline) => void): number {
  return typeof window.requestIdleCallback === 'function'
    ? window.requestIdleCallback(callback)
    : window.setTimeout(callback, 50)
}

function cancel(handle: number | undefined): void {
  if (handle === undefined) return
  if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(handle)
  else window.clearTimeout(handle)
}
