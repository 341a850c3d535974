// The first script the page runs: index.html loads it as a module of its own, so it runs while the
// app's code is still downloading. It imports nothing heavy (no React, no zod).
import { apiBaseUrl } from './features/session/api/api-base'
import { isSignedIn } from './features/session/api/session-store'
import { startEarlyGet } from './lib/http/early-responses'
import { SERVER_RENDER_ELEMENT_ID } from './lib/ssr/read-server-render'

/** The paths whose first render needs the token list and the session's `me` (`/` leads to /tokens). */
const PATHS = new Set(['/', '/tokens'])

/**
 * With a session, on the tokens page: sends `GET /tokens` and `GET /auth/me` now, for the route's
 * loader to use once the app is there (the API client takes them, see lib/http/early-responses.ts).
 * Not on a page the serve command rendered: it came with both answers (docs/server-rendering.md).
 */
export function startEarlyRequests(pathname: string): void {
  if (!isSignedIn() || !PATHS.has(pathname)) return
  if (document.getElementById(SERVER_RENDER_ELEMENT_ID) !== null) return
  const base = apiBaseUrl()
  startEarlyGet(`${base}/tokens`)
  startEarlyGet(`${base}/auth/me`)
}

startEarlyRequests(window.location.pathname)
