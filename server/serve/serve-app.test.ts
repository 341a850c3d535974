// The serve command's static side: compressed copies when accepted, and cache headers by kind.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { precompressDir } from './precompress.ts'
import { createServeApp } from './serve-app.ts'

const SCRIPT = `console.log(${JSON.stringify('the console '.repeat(400))})\n`
const IMMUTABLE = 'public, max-age=31536000, immutable'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A dist/ like Vite's: index.html, a fingerprinted script, a small stylesheet, precompressed. */
function builtDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'serve-dist-'))
  dirs.push(dist)
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), SCRIPT)
  writeFileSync(join(dist, 'assets', 'tiny-Ef56Gh78.css'), 'body{margin:0}')
  precompressDir(dist)
  return dist
}

function serve(dist: string) {
  const app = createServeApp({
    distDir: dist,
    upstream: () => Promise.resolve(new Response('{}')),
    config: () => ({}),
  })
  return (path: string, acceptEncoding?: string) =>
    app.request(path, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} })
}

describe('precompressDir', () => {
  it('writes brotli and gzip copies of text files worth compressing, and only those', () => {
    const dist = builtDist()
    const script = join(dist, 'assets', 'index-Ab12Cd34.js')
    expect(existsSync(`${script}.br`)).toBe(true)
    expect(existsSync(`${script}.gz`)).toBe(true)
    expect(existsSync(join(dist, 'assets', 'tiny-Ef56Gh78.css.br'))).toBe(false) // compression would save too little
    expect(existsSync(join(dist, 'index.html.gz'))).toBe(false)
  })
})

describe('the serve command’s static files', () => {
  it('sends the brotli copy when the browser accepts it, cached for a year', async () => {
    const get = serve(builtDist())
    const response = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Encoding')).toBe('br')
    expect(response.headers.get('Vary')).toContain('Accept-Encoding')
    expect(response.headers.get('Cache-Control')).toBe(IMMUTABLE)
    expect(response.headers.get('Content-Type')).toContain('javascript')
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.length).toBeLessThan(SCRIPT.length / 10)
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT)
  })

  it('falls back to gzip, then to the plain file', async () => {
    const get = serve(builtDist())
    const gzip = await get('/assets/index-Ab12Cd34.js', 'gzip')
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SCRIPT)

    const plain = await get('/assets/index-Ab12Cd34.js')
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    expect(await plain.text()).toBe(SCRIPT)
    expect(plain.headers.get('Cache-Control')).toBe(IMMUTABLE)
  })

  it('revalidates the page itself and never caches a missing asset', async () => {
    const get = serve(builtDist())
    for (const path of ['/', '/tokens?status=all', '/index.html']) {
      const page = await get(path, 'br')
      expect(page.status).toBe(200)
      expect(page.headers.get('Cache-Control')).toBe('no-cache')
      expect(await page.text()).toContain('<div id="root">')
    }
    const missing = await get('/assets/gone-00000000.js', 'br')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Cache-Control')).toBe('no-store')
  })

  it('keeps the security headers on compressed answers', async () => {
    const response = await serve(builtDist())('/assets/index-Ab12Cd34.js', 'br')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
  })

  it('sends the document-only headers with pages, not with assets, and no validator on assets', async () => {
    const get = serve(builtDist())
    for (const path of ['/', '/tokens', '/index.html']) {
      const page = await get(path)
      expect(page.headers.get('X-Frame-Options'), path).toBe('DENY')
      expect(page.headers.get('Cross-Origin-Opener-Policy'), path).toBe('same-origin')
    }
    for (const encoding of ['br', undefined]) {
      const asset = await get('/assets/index-Ab12Cd34.js', encoding)
      expect(asset.status).toBe(200)
      expect(asset.headers.get('X-Frame-Options')).toBeNull()
      expect(asset.headers.get('Cross-Origin-Opener-Policy')).toBeNull()
      expect(asset.headers.get('Last-Modified')).toBeNull()
    }
    expect((await get('/index.html')).headers.get('Last-Modified')).not.toBeNull()
  })
})

describe('the benchmark pages (--bench-pages)', () => {
  function benchPages(): string {
    const dir = mkdtempSync(join(tmpdir(), 'serve-bench-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>baseline</title>')
    writeFileSync(join(dir, 'baseline.js'), 'export {}\n')
    return dir
  }

  it('serves the directory at /__bench/, with the app’s headers and no caching', async () => {
    const app = createServeApp({
      distDir: builtDist(),
      upstream: () => Promise.resolve(new Response('{}')),
      config: () => ({}),
      benchPagesDir: benchPages(),
    })
    const page = await app.request('/__bench/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>baseline</title>')
    expect(page.headers.get('Cache-Control')).toBe('no-store')
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'")
    const script = await app.request('/__bench/baseline.js')
    expect(script.headers.get('Content-Type')).toContain('javascript')
    expect(await script.text()).toBe('export {}\n')
    expect((await app.request('/__bench')).headers.get('Location')).toBe('/__bench/')
    const missing = await app.request('/__bench/nothing.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('is absent by default: /__bench/ is only a client route of the app', async () => {
    const get = serve(builtDist())
    for (const path of ['/__bench/', '/__bench/baseline.js']) {
      const response = await get(path)
      expect(await response.text()).toContain('<div id="root">')
    }
  })
})

describe('the console config', () => {
  it('signs in with the demo token as it is now, so a re-minted one works, and never hands it out', async () => {
    let demoToken = 'ot_pat_first'
    const app = createServeApp({
      distDir: builtDist(),
      // /auth/me names the token it was asked with.
      upstream: (request) =>
        Promise.resolve(
          Response.json({
            token: { id: request.headers.get('authorization')?.replace('Bearer ot_pat_', 'tok_') },
          }),
        ),
      config: () => ({ demoToken }),
      shareDemoToken: true, // app.request has no socket, so no loopback address to go by
    })
    const signInWithDemo = async () =>
      (
        await app.request('/console/session/demo', {
          method: 'POST',
          headers: { Origin: 'http://localhost', Host: 'localhost' },
        })
      ).json()
    const config = await app.request('/console-config.json')
    expect(await config.json()).toEqual({ demo: true })
    expect(config.headers.get('Cache-Control')).toBe('no-store')
    expect(await signInWithDemo()).toEqual({ token: { id: 'tok_first' } })
    demoToken = 'ot_pat_second'
    expect(await signInWithDemo()).toEqual({ token: { id: 'tok_second' } })
  })
})
