/** Where the browser has no idle callbacks (Safari): a short wait, past the next paint. */
const FALLBACK_DELAY_MS = 200

/**
 * Runs `task` once the browser has nothing more urgent to do (at the latest after `timeoutMs`), for
 * work that must not compete with what is on screen, such as fetching code for later. The task gets
 * the idle deadline when the browser has one. Returns a cancel function.
 */
export function whenIdle(task: (deadline?: IdleDeadline) => void, timeoutMs = 2_000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: timeoutMs })
    return () => window.cancelIdleCallback(handle)
  }
  const handle = window.setTimeout(() => task(), FALLBACK_DELAY_MS)
  return () => window.clearTimeout(handle)
}
