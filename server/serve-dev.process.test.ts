// `npm run dev` (issue 21, point 8): the serve command with Vite in front renders pages from the
// sources, with nothing built, under the same CSP as a built page.
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { readLines, spawnScript, stopGracefully } from './child-process-support.ts'
import { signInAt } from './serve/session/cookie-header.ts'

const root = join(import.meta.dirname, '..')

it('renders a page from the sources, with Vite’s client and hot reload, all under the page’s nonce', async () => {
  const child = spawnScript(
    join(root, 'server', 'serve-cli.ts'),
    ['--dev', '--port', '0', '--db', ':memory:'],
    root,
  )
  const lines = await readLines(child, 3)
  const url = lines.map((line) => /^console listening on (\S+)/.exec(line)?.[1]).find(Boolean) ?? ''
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

  const { response: signIn, cookie } = await signInAt(url)
  expect(signIn.status).toBe(200)
  const page = await fetch(`${url}/tokens`, { headers: { Cookie: cookie } })
  expect(page.status).toBe(200)
  const html = await page.text()
  expect(html).toContain('data-token-id')
  expect(html).toContain('src="/@vite/client"')
  expect(html).toContain('import("/src/main.tsx")')

  const nonce = /'nonce-([^']+)'/.exec(page.headers.get('Content-Security-Policy') ?? '')?.[1]
  expect(nonce).toBeTruthy()
  const inline = [...html.matchAll(/<script([^>]*)>/g)].map(([, attrs]) => attrs ?? '')
  const unmarked = inline.filter(
    (attrs) => !attrs.includes(`nonce="${nonce}"`) && !attrs.includes('application/json'),
  )
  expect(unmarked).toEqual([])
  expect(html).not.toContain('OT_DEV_NONCE')

  // The modules come from Vite, transformed from src/.
  const entry = await fetch(`${url}/src/main.tsx`)
  expect(entry.status).toBe(200)
  expect(entry.headers.get('Content-Type')).toMatch(/javascript/)

  // Stopped as Ctrl-C would: Vite closes, and takes its helper processes with it.
  await stopGracefully(child)
}, 60_000)
