import { randomUUID } from 'node:crypto'
import { setTimeout as wait } from 'node:timers/promises'
import { Hono } from 'hono'
import { agentRoutes } from './agent-routes.ts'
import type { EmulatorDeps, EmulatorEnv } from './context.ts'
import {
  EmulatorError,
  OAuthError,
  REQUEST_ID_HEADER,
  errorResponse,
  internalError,
  notFound,
  oauthErrorResponse,
} from './errors.ts'
import { ensurePrintedToken } from './printed-tokens.ts'
import { publicRoutes } from './public-routes.ts'
import { createRateLimiter } from './rate-limit.ts'
import { MAX_SEED_TOKENS, seedIfEmpty, type SeedMode } from './seed.ts'
import { openStore } from './store.ts'

export interface EmulatorOptions {
  /** A file path (its parent directory is created if missing) or ':memory:'. */
  db: string
  /** Applied only when the db is empty. */
  seed: SeedMode
  latencyMs?: number
  rateLimitPerMinute?: number
  now?: () => Date
  /** How the latency is waited out (a timer by default); tests pass one they resolve themselves. */
  sleep?: (ms: number) => Promise<unknown>
}

export interface Emulator {
  /** Handles `/api/public/v1/*` and `/api/agent/*` (anything else is a 404 envelope). */
  fetch: (request: Request) => Promise<Response>
  /** The demo account's printed token, as it was when the emulator opened. */
  demoToken: string
  /**
   * The demo account's printed token now: the same one while it works, a freshly minted one once
   * it was revoked or has expired (so "Use the demo token" keeps working after a self-revoke).
   */
  currentDemoToken: () => string
  otherAccountToken: string
  close: () => void
}

/** Where the token API lives (contract §3, §4); its clients build their URLs from it. */
export const PUBLIC_API_BASE = '/api/public/v1'

const isAgentPath = (path: string): boolean =>
  path === '/api/agent' || path.startsWith('/api/agent/')

function checkOptions(options: EmulatorOptions): void {
  const { seed, latencyMs, rateLimitPerMinute } = options
  if (
    typeof seed === 'number' &&
    !(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED_TOKENS)
  ) {
    throw new Error(`seed must be demo, empty or an integer from 0 to ${MAX_SEED_TOKENS}.`)
  }
  if (latencyMs !== undefined && !(Number.isFinite(latencyMs) && latencyMs >= 0)) {
    throw new Error('latencyMs must be a non-negative number.')
  }
  if (
    rateLimitPerMinute !== undefined &&
    !(Number.isInteger(rateLimitPerMinute) && rateLimitPerMinute >= 1)
  ) {
    throw new Error('rateLimitPerMinute must be a positive integer.')
  }
}

function createEmulatorApp(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const requestIdOf = (value: string | undefined): string => value ?? randomUUID()

  // D8/D25: a fresh UUID per request, on every response as X-Request-Id.
  app.use('*', async (c, next) => {
    const requestId = randomUUID()
    c.set('requestId', requestId)
    await next()
    if (!c.res.headers.has(REQUEST_ID_HEADER)) c.res.headers.set(REQUEST_ID_HEADER, requestId)
  })

  app.route(PUBLIC_API_BASE, publicRoutes(deps))
  app.route('/api/agent', agentRoutes(deps))

  // D14/D18: unknown paths and methods are 404, before any authentication.
  app.notFound((c) => {
    const requestId = requestIdOf(c.get('requestId'))
    if (isAgentPath(c.req.path))
      return oauthErrorResponse(new OAuthError(404, 'not_found'), requestId)
    const path = c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path
    return errorResponse(notFound(`No route for ${c.req.method} ${path}.`), requestId)
  })

  app.onError((error, c) => {
    const requestId = requestIdOf(c.get('requestId'))
    if (error instanceof EmulatorError) return errorResponse(error, requestId)
    if (error instanceof OAuthError) return oauthErrorResponse(error, requestId)
    console.error(`emulator: unexpected error in request ${requestId}:`, error)
    if (isAgentPath(c.req.path)) {
      return oauthErrorResponse(
        new OAuthError(500, 'server_error', 'Unexpected failure.'),
        requestId,
      )
    }
    return errorResponse(internalError(), requestId)
  })

  return app
}

/** Opens (creating and seeding if empty) the emulator's db and returns its fetch handler. */
export function openEmulator(options: EmulatorOptions): Emulator {
  checkOptions(options)
  const now = options.now ?? (() => new Date())
  const nowMs = (): number => now().getTime()
  const store = openStore(options.db)
  let demoToken: string
  let otherAccountToken: string
  try {
    seedIfEmpty(store, options.seed, nowMs())
    demoToken = ensurePrintedToken(store, 'demo', nowMs())
    otherAccountToken = ensurePrintedToken(store, 'other', nowMs())
  } catch (error) {
    store.close()
    throw error
  }

  const rateLimiter =
    options.rateLimitPerMinute === undefined
      ? undefined
      : createRateLimiter(options.rateLimitPerMinute)
  const app = createEmulatorApp({ store, nowMs, rateLimiter })
  const latencyMs = options.latencyMs ?? 0
  const sleep = options.sleep ?? wait

  return {
    fetch: async (request) => {
      if (latencyMs > 0) await sleep(latencyMs)
      try {
        return await app.fetch(request)
      } catch (error) {
        const requestId = randomUUID()
        console.error(`emulator: unexpected error in request ${requestId}:`, error)
        return errorResponse(internalError(), requestId)
      }
    },
    demoToken,
    currentDemoToken: () => ensurePrintedToken(store, 'demo', nowMs()),
    otherAccountToken,
    close: () => store.close(),
  }
}
