import { getConfig } from '@testing-library/react'
import { onTestFinished, vi } from 'vitest'

// Taken before any test fakes them: the real clock bounds how long a wait may take.
const realNow = Date.now
const realSetTimeout = globalThis.setTimeout

/**
 * Fakes the clock for the current test. It still moves with real time, so Testing Library and MSW
 * work as before; `passTime` or `untilPasses` jump it, and a wait that is the point passes at once.
 */
export function startFakeClock(): void {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  onTestFinished(() => {
    vi.useRealTimers()
  })
}

/** Moves the fake clock `ms` forward, running every timer due meanwhile. */
export async function passTime(ms: number): Promise<void> {
  await getConfig().asyncWrapper(() => vi.advanceTimersByTimeAsync(ms))
}

/**
 * Calls `check` until it stops throwing, jumping the fake clock `stepMs` between tries (retries and
 * their `Retry-After` pass in no real time); fails with its error after `realTimeoutMs` real ms.
 */
export async function untilPasses<T>(
  check: () => T,
  { stepMs = 100, realTimeoutMs = 10_000 } = {},
): Promise<T> {
  const deadline = realNow() + realTimeoutMs
  return (await getConfig().asyncWrapper(async () => {
    for (;;) {
      try {
        return check()
      } catch (error) {
        if (realNow() > deadline) throw error
      }
      await vi.advanceTimersByTimeAsync(stepMs)
      await new Promise((resolve) => realSetTimeout(resolve, 5))
    }
  })) as T
}
