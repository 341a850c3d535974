import { envelope, isJson } from '../proxy.ts'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The host the browser addressed: a reverse proxy's `X-Forwarded-Host`, else `Host`. */
function addressedHost(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return forwarded || request.headers.get('host')
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length')
  return request.headers.has('transfer-encoding') || (length !== null && length !== '0')
}

/**
 * CSRF, as OWASP's cheat sheet advises for a cookie session: a write that the session cookie would
 * authorise (or that starts a session) must come from this console's own pages: `Sec-Fetch-Site:
 * same-origin` where the browser sends it, an `Origin` naming the host it addressed, and a JSON
 * body if any (a form or `text/plain` post from another site can carry neither). Returns the
 * refusal, 403 or 415 in the API's envelope, or `null` to let it through.
 */
export function crossSiteWriteRefusal(request: Request): Response | null {
  if (!WRITES.has(request.method)) return null
  const fetchSite = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  const host = addressedHost(request)
  const sameOrigin = origin !== null && host !== null && URL.parse(origin)?.host === host
  if ((fetchSite !== null && fetchSite !== 'same-origin') || !sameOrigin) {
    return envelope(
      403,
      'FORBIDDEN',
      'This request did not come from the console’s own pages, so the session cookie does not authorise it.',
    )
  }
  if (hasBody(request) && !isJson(request.headers.get('content-type'))) {
    return envelope(415, 'BAD_REQUEST', 'Send the request body as application/json.')
  }
  return null
}
