import { icon } from './icons'

// Apart from the other icons: only the revoke dialog and a failed revoke's note use it, and both
// load after the first render, so it stays out of it. Path data from Lucide, under the ISC
// License quoted in icons.tsx.

/** Lucide's triangle-exclamation-point. */
export const TriangleAlert = /* @__PURE__ */ icon(
  <>
    <path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3" />
    <path d="M12 9v4" />
    <path d="M12 17h.01" />
  </>,
)
