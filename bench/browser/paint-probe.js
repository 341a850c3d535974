// @ts-check
// Installed by the browser bench in every page it loads (context.addInitScript), before the page's
// own scripts; the same file for the console and for the baseline page. It reports to the bench
// through the `__benchProbeReport` binding (context.exposeFunction):
//
// - `first-row`: when the first `[data-token-id]` element (a data row, on both pages) enters the
//   DOM, and then the frame that shows it is painted.
// - `revoke-dialog`, in a page whose bench set `__benchRevokeEarly` before this script: from the
//   first row on, a click on the first enabled Revoke button every frame, as a hurried person
//   would, until the confirmation dialog is there (the click does nothing before the app has
//   hydrated); then the frame that shows it is painted.
// - `repaint`, after `__benchProbe.arm()`: from the first input event (its `timeStamp`) to the
//   paint that shows the first change to the rows: rows added, removed or moved, or a row's
//   `data-token-id` changed (a virtualised list reuses its row elements).
//
// "Painted" is approximated the usual way: a requestAnimationFrame callback runs just before the
// frame's style, layout and paint, and a task posted from it (a MessageChannel message, which is
// not throttled like setTimeout) runs once that frame is done.
;(() => {
  const ROW = '[data-token-id]'
  const INPUT_EVENTS = ['keydown', 'pointerdown', 'mousedown', 'input', 'change']

  /** @typedef {import('./probe-report.ts').ProbeReport} ProbeReport */

  /** @param {ProbeReport} payload */
  function report(payload) {
    window.__benchProbeReport?.(payload)
  }

  /** @param {(at: number) => void} done called with `performance.now()` after the next paint */
  function afterNextPaint(done) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(undefined)
    })
  }

  /** @param {Node} node */
  function holdsRow(node) {
    return node instanceof Element && (node.matches(ROW) || node.querySelector(ROW) !== null)
  }

  function clickRevokeUntilDialog() {
    if (document.querySelector('[role="alertdialog"]') !== null) {
      afterNextPaint((at) => report({ kind: 'revoke-dialog', at }))
      return
    }
    /** @type {HTMLButtonElement | null} */
    const revoke = document.querySelector(`${ROW} button[aria-label^="Revoke "]:not([disabled])`)
    revoke?.click()
    requestAnimationFrame(clickRevokeUntilDialog)
  }

  const firstRow = new MutationObserver(() => {
    if (document.querySelector(ROW) === null) return
    firstRow.disconnect()
    afterNextPaint((at) => report({ kind: 'first-row', at }))
    if (window.__benchRevokeEarly === true) clickRevokeUntilDialog()
  })
  firstRow.observe(document, { childList: true, subtree: true })

  /** @type {(() => void) | null} */
  let disarm = null

  function arm() {
    disarm?.()
    const armedAt = performance.now()
    /** @type {number | null} */
    let inputAt = null
    // The element that holds the rows, found now: the parent of the first row (a `tr`, or a
    // `role="row"` element, or the marked element itself).
    const marked = document.querySelector(ROW)
    const container = (marked?.closest('tr, [role="row"]') ?? marked)?.parentElement ?? null

    /** @param {MutationRecord} record */
    const touchesRows = (record) =>
      record.type === 'attributes' ||
      (container !== null && container.contains(record.target)) ||
      [...record.addedNodes, ...record.removedNodes].some(holdsRow)

    /** @param {Event} event */
    const onInput = (event) => {
      if (inputAt === null) inputAt = Math.min(event.timeStamp, performance.now())
    }
    const observer = new MutationObserver((records) => {
      if (inputAt === null || !records.some(touchesRows)) return
      const startedAt = inputAt
      stop()
      afterNextPaint((at) => report({ kind: 'repaint', armedAt, inputAt: startedAt, at }))
    })
    const stop = () => {
      observer.disconnect()
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, true)
      disarm = null
    }
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, true)
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-token-id'],
    })
    disarm = stop
  }

  /** @returns {Promise<void>} */
  function idle() {
    return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))
  }

  window.__benchProbe = { arm, idle }
})()
