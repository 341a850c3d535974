import { useSyncExternalStore } from 'react'

const TICK_MS = 30_000

/**
 * One shared clock for every relative time on the page: it ticks every 30 s while anything
 * listens, and again when the tab becomes visible, so "2 minutes ago" never goes stale.
 */
const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null

function tick() {
  now = Date.now()
  for (const listener of listeners) listener()
}

function onVisibility() {
  if (document.visibilityState === 'visible') tick()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (timer === null) {
    now = Date.now()
    timer = setInterval(tick, TICK_MS)
    document.addEventListener('visibilitychange', onVisibility)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer)
      timer = null
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }
}

/** The clock's time. The component re-renders on every tick: prefer `useNowSelect` in lists. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now)
}

/**
 * What a component shows of the clock: it re-renders only when `select`'s result changes, so a
 * tick re-renders the cells whose text moves ("2 minutes ago" → "3 minutes ago") and no others.
 * `select` must return a primitive (compared with Object.is), e.g. the formatted text.
 */
export function useNowSelect<T extends string | number | boolean | null>(
  select: (now: number) => T,
): T {
  return useSyncExternalStore(subscribe, () => select(now))
}
