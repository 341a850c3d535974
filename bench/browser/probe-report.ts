// What paint-probe.js (installed in every benchmarked page) reports to the bench, and the globals it
// defines. Times are `performance.now()` in the page: milliseconds since navigation start.

export type ProbeReport =
  /** The first `[data-token-id]` element appeared, and the frame that shows it was painted. */
  | { kind: 'first-row'; at: number }
  /**
   * After `arm()`: the first input event (`inputAt`, its `timeStamp`; `armedAt` when none came),
   * then the first change to the rows, then the paint that shows it (`at`).
   */
  | { kind: 'repaint'; armedAt: number; inputAt: number | null; at: number }
  /** With `__benchRevokeEarly`: Revoke clicked every frame from the first row until its dialog showed. */
  | { kind: 'revoke-dialog'; at: number }

interface BenchProbe {
  /** Starts watching for the next input and the row change it causes (one at a time). */
  arm: () => void
  /** Resolves when the page's main thread is idle (requestIdleCallback, at most 2 s). */
  idle: () => Promise<void>
}

/** The name under which the bench exposes its report callback to the page. */
export const PROBE_REPORT_BINDING = '__benchProbeReport'

declare global {
  interface Window {
    __benchProbe?: BenchProbe
    __benchProbeReport?: (report: ProbeReport) => void
    /** Set by the bench before the probe runs: time a click on Revoke from the first row on. */
    __benchRevokeEarly?: boolean
  }
}
