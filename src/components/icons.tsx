import type { ReactNode, SVGProps } from 'react'

/*
 * The few Lucide icons the console shows, as plain SVG: the path data is copied from lucide-react
 * 1.79.0 (lucide.dev), without its runtime (icon context, class merging, forwardRef wrappers),
 * which the first render paid for in the vendor chunk.
 *
 * Lucide: ISC License, Copyright (c) 2026 Lucide Icons and Contributors. Permission to use, copy,
 * modify, and/or distribute this software for any purpose with or without fee is hereby granted,
 * provided that the above copyright notice and this permission notice appear in all copies. THE
 * SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE
 * INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE
 * LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER
 * RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER
 * TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 *
 * arrow-down, arrow-up, chevron-down, clock, log-out and search are derived from Feather: The MIT
 * License (MIT), Copyright (c) 2013-present Cole Bemis. Permission is hereby granted, free of
 * charge, to any person obtaining a copy of this software and associated documentation files (the
 * "Software"), to deal in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software,
 * and to permit persons to whom the Software is furnished to do so, subject to the following
 * conditions: The above copyright notice and this permission notice shall be included in all copies
 * or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
 * KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
 * FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
 * LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 * OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
 * THE SOFTWARE.
 */

interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children'> {
  /** Width and height in pixels; 24 unless told. */
  size?: number
}

type Icon = (props: IconProps) => ReactNode

/**
 * An icon as Lucide draws it: a 24 × 24 box, 2 px round strokes in the text colour. Decorative:
 * hidden from assistive technology, as Lucide does, unless the props label it.
 */
export function icon(shapes: ReactNode): Icon {
  return function LucideIcon({ size = 24, ...props }) {
    const labelled = Object.keys(props).some(
      (name) => name.startsWith('aria-') || name === 'role' || name === 'title',
    )
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden={labelled ? undefined : 'true'}
        {...props}
      >
        {shapes}
      </svg>
    )
  }
}

const CIRCLE = <circle cx="12" cy="12" r="10" />

export const ArrowDown = /* @__PURE__ */ icon(
  <>
    <path d="M12 5v14" />
    <path d="m19 12-7 7-7-7" />
  </>,
)

export const ArrowUp = /* @__PURE__ */ icon(
  <>
    <path d="m5 12 7-7 7 7" />
    <path d="M12 19V5" />
  </>,
)

export const ArrowUpDown = /* @__PURE__ */ icon(
  <>
    <path d="m21 16-4 4-4-4" />
    <path d="M17 20V4" />
    <path d="m3 8 4-4 4 4" />
    <path d="M7 4v16" />
  </>,
)

export const Ban = /* @__PURE__ */ icon(
  <>
    {CIRCLE}
    <path d="M4.929 4.929 19.07 19.071" />
  </>,
)

export const ChevronDown = /* @__PURE__ */ icon(<path d="m6 9 6 6 6-6" />)

export const CircleCheck = /* @__PURE__ */ icon(
  <>
    {CIRCLE}
    <path d="m16 9-5.5 5.5L8 12" />
  </>,
)

/** Lucide's circle-question-mark. */
export const CircleHelp = /* @__PURE__ */ icon(
  <>
    {CIRCLE}
    <path d="M9 9.5a3 2.5 0 016 0c0 2-2 2-3 3.5" />
    <path d="M12 17h.01" />
  </>,
)

export const Clock = /* @__PURE__ */ icon(
  <>
    {CIRCLE}
    <path d="M12 6v6l4 2" />
  </>,
)

export const LogOut = /* @__PURE__ */ icon(
  <>
    <path d="m16 17 5-5-5-5" />
    <path d="M21 12H9" />
    <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" />
  </>,
)

export const RotateCw = /* @__PURE__ */ icon(
  <>
    <path d="M21 12a9 9 0 1 1-9-9c2.52 0 4.93 1 6.74 2.74L21 8" />
    <path d="M21 3v5h-5" />
  </>,
)

export const Search = /* @__PURE__ */ icon(
  <>
    <path d="m21 21-4.34-4.34" />
    <circle cx="11" cy="11" r="8" />
  </>,
)

export const TimerOff = /* @__PURE__ */ icon(
  <>
    <path d="M10 2h4" />
    <path d="M4.6 11a8 8 0 0 0 1.7 8.7 8 8 0 0 0 8.7 1.7" />
    <path d="M7.4 7.4a8 8 0 0 1 10.3 1 8 8 0 0 1 .9 10.2" />
    <path d="m2 2 20 20" />
    <path d="M12 12v-2" />
  </>,
)
