/** Where the console's API calls go: the embedded emulator (in process) or a remote OpenTrain. */
export type Upstream = (request: Request) => Promise<Response>

/**
 * `OT_API_BASE_URL` names the OpenTrain origin (`https://app.opentrain.ai`); a value that already
 * ends in `/api/public/v1` is accepted too. Returns the origin (plus any path prefix) to forward to.
 */
export function normaliseUpstreamBase(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`OT_API_BASE_URL is not a URL: ${JSON.stringify(value)}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`OT_API_BASE_URL must be an http(s) URL, not ${url.protocol}`)
  }
  if (url.search || url.hash) throw new Error('OT_API_BASE_URL must not have a query or fragment')
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/public\/v1$/, '')
  return `${url.origin}${path}`
}

export function remoteUpstream(base: string): Upstream {
  return (request) => {
    const incoming = new URL(request.url)
    const target = `${base}${incoming.pathname}${incoming.search}`
    return fetch(new Request(target, request), { redirect: 'manual' })
  }
}
