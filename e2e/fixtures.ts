import { test as base, expect, type APIRequestContext } from '@playwright/test'

/** Console errors a test may cause on purpose (failed requests it injected) match one of these. */
const ALLOWED_CONSOLE_ERRORS = [/Failed to load resource/]

interface TokenRecord {
  id: string
  name: string
  preview: string
  scopes: string[]
  status: string
  lastUsedAt: string | null
  revokedAt: string | null
}

interface DemoApi {
  demoToken: string
  listTokens: (token?: string) => Promise<TokenRecord[]>
  createToken: (body: Record<string, unknown>) => Promise<{ token: string; metadata: TokenRecord }>
}

async function readDemoToken(request: APIRequestContext): Promise<string> {
  const response = await request.get('/console-config.json')
  expect(response.ok()).toBe(true)
  const config = (await response.json()) as { demoToken?: string }
  if (!config.demoToken) throw new Error('the serve command did not run in emulator mode')
  return config.demoToken
}

export const test = base.extend<{ demoApi: DemoApi }>({
  page: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (!ALLOWED_CONSOLE_ERRORS.some((pattern) => pattern.test(text))) errors.push(text)
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await use(page)
    expect(errors, 'the page logged errors').toEqual([])
  },
  demoApi: async ({ request }, use) => {
    const demoToken = await readDemoToken(request)
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` })
    await use({
      demoToken,
      listTokens: async (token = demoToken) => {
        const response = await request.get('/api/public/v1/tokens', { headers: auth(token) })
        expect(response.status()).toBe(200)
        return ((await response.json()) as { tokens: TokenRecord[] }).tokens
      },
      createToken: async (body) => {
        const response = await request.post('/api/public/v1/tokens', {
          headers: auth(demoToken),
          data: body,
        })
        expect(response.status()).toBe(201)
        return (await response.json()) as { token: string; metadata: TokenRecord }
      },
    })
  },
})

export { expect }
