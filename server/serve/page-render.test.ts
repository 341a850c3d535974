// The serve command's side of server rendering (docs/server-rendering.md): the page template, what
// a render is given for one request, and the headers of its answer. The render itself is a stand-in
// here; e2e/server-render.spec.ts runs the compiled one.
import { describe, expect, it } from 'vitest'
import { pageCsp, pageTemplate, renderPageFor, type PageRenderer } from './page-render.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import { sealSession } from './session/sealed-session.ts'
import { sessionKeysFrom } from './session/session-keys.ts'
import type { Upstream } from './upstream.ts'

const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <title>Token console</title>
    <script type="module" async crossorigin src="/assets/early-requests-abc.js"></script>
    <script type="module" crossorigin src="/assets/index-def.js"></script>
  </head>
  <body>
    <noscript>off</noscript>
    <div id="root"></div>
  </body>
</html>
`

const keys = sessionKeysFrom(Buffer.alloc(32, 7).toString('base64'))
const TOKEN = 'ot_pat_0123456789ab_secretsecretsecretsecretsecret12'

function sealedCookie(): string {
  return sealSession({ token: TOKEN, tokenId: 'tok_1', expiresAt: Date.now() + 60_000 }, keys)
}

type Page = Parameters<PageRenderer>[0]

/** A stand-in render that keeps what it was given and answers `answer`. */
function recordingRenderer(answer: (page: Page) => Promise<Response | null>) {
  const pages: Page[] = []
  const renderer: PageRenderer = (page) => {
    pages.push(page)
    return answer(page)
  }
  return { pages, renderer }
}

const upstreamSeen: Request[] = []
const upstream: Upstream = (request) => {
  upstreamSeen.push(request)
  return Promise.resolve(Response.json({ tokens: [] }))
}

function render(request: Request, answer: (page: Page) => Promise<Response | null> = htmlOf) {
  const { pages, renderer } = recordingRenderer(answer)
  const template = pageTemplate(BUILT)
  const done = renderPageFor(request, { renderer, template, upstream, keys })
  return { pages, done }
}

/** What entry-server.tsx answers: the render, then the tail it was given. */
function htmlOf(page: Page): Promise<Response> {
  const html = `<p>rendered</p>${page.tail}`
  return Promise.resolve(new Response(html, { headers: { 'Content-Type': 'text/html' } }))
}

describe('pageTemplate', () => {
  const rendered = pageTemplate(BUILT).rendered

  it('opens #root after a head with the render’s JSON, no early requests, and the entry preloaded', () => {
    const head = rendered?.head('{"now":1}') ?? ''
    expect(head).toMatch(
      /<script type="application\/json" id="ot-server-render">\{"now":1\}<\/script>\s*<\/head>/,
    )
    expect(head.endsWith('<div id="root">')).toBe(true)
    expect(head).not.toContain('early-requests')
    // Preloaded, not run: the tail runs it once the rows are painted.
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/index-def.js">')
    expect(head).not.toContain('<script type="module"')
  })

  it('closes #root, then starts the app after the first paint, by the response’s nonce', () => {
    const tail = rendered?.tail('n0nce') ?? ''
    expect(tail.startsWith('</div>')).toBe(true)
    expect(tail).toContain(
      '<script nonce="n0nce">requestAnimationFrame(()=>setTimeout(()=>import("/assets/index-def.js")))</script>',
    )
    expect(tail.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('keeps the built page whole as the shell, and renders nothing without #root or an entry', () => {
    expect(pageTemplate(BUILT).shell).toBe(BUILT)
    expect(pageTemplate('<!doctype html><title>x</title>').rendered).toBeNull()
    expect(pageTemplate('<!doctype html><div id="root"></div>').rendered).toBeNull()
  })
})

describe('renderPageFor', () => {
  it('renders signed in with a cookie that opens, and answers no-store', async () => {
    const request = new Request('http://127.0.0.1/tokens', {
      headers: { Cookie: `ot_session=${sealedCookie()}; ot_signed_in=1` },
    })
    const { pages, done } = render(request)
    const rendered = await done
    expect(rendered?.response.headers.get('Cache-Control')).toBe('no-store')
    expect(rendered?.response.headers.get('Set-Cookie')).toBeNull()
    expect(await rendered?.response.text()).toContain('<div id="root"><p>rendered</p></div>')
    expect(pages[0]?.signedIn).toBe(true)
  })

  it('renders signed out, and clears the cookies, when the session cookie does not open', async () => {
    const request = new Request('http://127.0.0.1/tokens', {
      headers: { Cookie: 'ot_session=not-sealed; ot_signed_in=1' },
    })
    const { pages, done } = render(request)
    const rendered = await done
    expect(pages[0]?.signedIn).toBe(false)
    const cleared = rendered?.response.headers.getSetCookie() ?? []
    expect(cleared.map((value) => value.split('=')[0]).sort()).toEqual([
      'ot_session',
      'ot_signed_in',
    ])
    expect(cleared.every((value) => /Max-Age=0/.test(value))).toBe(true)
  })

  it('signs the render’s API requests with the cookie’s token, through the proxy', async () => {
    upstreamSeen.length = 0
    const request = new Request('http://127.0.0.1/tokens', {
      headers: { Cookie: `ot_session=${sealedCookie()}; ot_signed_in=1` },
    })
    const { done } = render(request, async (page) => {
      const answer = await page.fetchApi('http://127.0.0.1/api/public/v1/tokens', {
        headers: { Accept: 'application/json' },
      })
      expect(answer.status).toBe(200)
      return htmlOf(page)
    })
    await (await done)?.response.text()
    expect(upstreamSeen).toHaveLength(1)
    expect(upstreamSeen[0]?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`)
    expect(upstreamSeen[0]?.headers.get('Cookie')).toBeNull()
  })

  it.each([
    ['de-CH,de;q=0.9,en;q=0.8', 'de-CH'],
    ['*, fr;q=0.5', 'fr'],
    ['not a tag!!, en-GB', 'en-GB'],
    ['', 'en-US'],
  ])('writes dates for Accept-Language "%s" in %s', async (header, locale) => {
    const { pages, done } = render(
      new Request('http://127.0.0.1/sign-in', { headers: { 'Accept-Language': header } }),
    )
    await done
    expect(pages[0]?.render.locale).toBe(locale)
  })

  it.each([
    ['ot_tz=Asia%2FTokyo', 'Asia/Tokyo'],
    ['ot_tz=Not%2FA_Zone', 'UTC'],
    ['', 'UTC'],
  ])('writes dates for cookie "%s" in the zone %s', async (cookie, timeZone) => {
    const { pages, done } = render(
      new Request('http://127.0.0.1/sign-in', { headers: { Cookie: cookie } }),
    )
    await done
    expect(pages[0]?.render.timeZone).toBe(timeZone)
  })

  it('gives every response a "now" and a nonce of its own, and writes the render into the page', async () => {
    const before = Date.now()
    const first = render(new Request('http://127.0.0.1/tokens'))
    const second = render(new Request('http://127.0.0.1/tokens'))
    const [a, b] = await Promise.all([first.done, second.done])
    const page = first.pages[0]
    expect(page?.render.now).toBeGreaterThanOrEqual(before)
    expect(a?.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(a?.nonce).not.toBe(b?.nonce)
    expect(page?.nonce).toBe(a?.nonce)
    expect(await a?.response.text()).toContain(`"timeZone":"UTC"`)
  })

  it('sends a signed-in /tokens page’s head before its render, and an empty #root if the render fails', async () => {
    const request = new Request('http://127.0.0.1/tokens', {
      headers: { Cookie: `ot_session=${sealedCookie()}; ot_signed_in=1` },
    })
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const { pages, done } = render(request, async () => {
      await held
      return null
    })
    const rendered = await done
    expect(rendered?.response.status).toBe(200)
    const body = rendered?.response.body
    if (!body) throw new Error('no body')
    const reader = (body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    const first = await reader.read()
    expect(decoder.decode(first.value).endsWith('<div id="root">')).toBe(true)
    release()
    let rest = ''
    for (let part = await reader.read(); !part.done; part = await reader.read())
      rest += decoder.decode(part.value)
    expect(rest).toBe(pages[0]?.tail)
  })

  it('renders the not-found page between the two ends, with its 404', async () => {
    const { done } = render(new Request('http://127.0.0.1/nowhere'), (page) =>
      Promise.resolve(new Response(`<h1>Page not found</h1>${page.tail}`, { status: 404 })),
    )
    const rendered = await done
    expect(rendered?.response.status).toBe(404)
    const html = (await rendered?.response.text()) ?? ''
    expect(html).toMatch(/<div id="root"><h1>Page not found<\/h1><\/div>/)
  })

  it('passes a redirect on as it is, with no page around it', async () => {
    const { done } = render(new Request('http://127.0.0.1/tokens'), () =>
      Promise.resolve(new Response(null, { status: 307, headers: { Location: '/sign-in' } })),
    )
    const rendered = await done
    expect(rendered?.response.status).toBe(307)
    expect(rendered?.response.headers.get('Location')).toBe('/sign-in')
    expect(await rendered?.response.text()).toBe('')
  })

  it('answers null when the render would rather the browser drew the page', async () => {
    const { done } = render(new Request('http://127.0.0.1/tokens'), () => Promise.resolve(null))
    expect(await done).toBeNull()
  })
})

describe('pageCsp', () => {
  it('adds the nonce to script-src and nothing else', () => {
    const base = SECURITY_HEADERS['Content-Security-Policy'] ?? ''
    const csp = pageCsp(base, 'abc')
    expect(csp).toContain("script-src 'self' 'nonce-abc';")
    expect(csp.replace(" 'nonce-abc'", '')).toBe(base)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  })
})
