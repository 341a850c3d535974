import { icon } from './icons'

// Apart from the other icons: only the drawer uses it, and it loads after the first render. Path
// data from Lucide, under the ISC License quoted in icons.tsx.

/** Lucide's x. */
export const X = /* @__PURE__ */ icon(
  <>
    <path d="M18 6 6 18" />
    <path d="m6 6 12 12" />
  </>,
)
