import { createContext } from 'react'

/**
 * What a page rendered by the serve command was rendered with: one "now", and the locale and time
 * zone its dates were written in (docs/server-rendering.md). The server provides it for its render;
 * the browser provides the same values, read from the page, for the render that hydrates it. Clock
 * and date hooks answer from it only while hydrating (`getServerSnapshot`), so the first render
 * in the browser writes exactly what the server wrote, and the next one switches to the live clock
 * and the browser's own locale and zone.
 */
export interface ServerRender {
  /** Milliseconds since the epoch, once per response. */
  now: number
  /** A BCP 47 tag Intl supports, e.g. `en-GB`. */
  locale: string
  /** An IANA zone name, e.g. `Europe/Berlin`, or `UTC`. */
  timeZone: string
}

export const ServerRenderContext = createContext<ServerRender | null>(null)
