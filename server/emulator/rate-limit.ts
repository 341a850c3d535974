const RATE_WINDOW_MS = 60_000

export interface WindowState {
  windowStart: number
  count: number
}

export type RateDecision =
  | { allowed: true; state: WindowState }
  | { allowed: false; state: WindowState; retryAfterSeconds: number }

/**
 * Pure fixed-window step (D7, D24): windows are aligned one-minute slots; a refused request
 * does not count. `retryAfterSeconds` is whole seconds until the window ends, at least 1.
 */
export function decideRate(
  previous: WindowState | undefined,
  nowMs: number,
  limit: number,
  windowMs = RATE_WINDOW_MS,
): RateDecision {
  const windowStart = Math.floor(nowMs / windowMs) * windowMs
  const current =
    previous !== undefined && previous.windowStart === windowStart
      ? previous
      : { windowStart, count: 0 }
  if (current.count >= limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000))
    return { allowed: false, state: current, retryAfterSeconds }
  }
  return { allowed: true, state: { windowStart, count: current.count + 1 } }
}

export interface RateLimiter {
  take: (key: string, nowMs: number) => RateDecision
}

/** Per-key fixed-window limiter over `decideRate`, forgetting windows that have ended. */
export function createRateLimiter(limit: number, windowMs = RATE_WINDOW_MS): RateLimiter {
  const windows = new Map<string, WindowState>()
  let lastSweep = -Infinity
  return {
    take(key, nowMs) {
      if (nowMs - lastSweep >= windowMs) {
        for (const [k, state] of windows) {
          if (state.windowStart + windowMs <= nowMs) windows.delete(k)
        }
        lastSweep = nowMs
      }
      const decision = decideRate(windows.get(key), nowMs, limit, windowMs)
      windows.set(key, decision.state)
      return decision
    },
  }
}
