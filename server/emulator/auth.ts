import type { MiddlewareHandler } from 'hono'
import type { EmulatorDeps, EmulatorEnv } from './context.ts'
import { EmulatorError } from './errors.ts'
import { hashToken } from './token-secret.ts'
import { tokenStatus } from './token-status.ts'

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i

/** The bearer credential of an Authorization header (scheme case-insensitive), or null. */
export function parseBearer(header: string | null | undefined): string | null {
  if (header === null || header === undefined) return null
  return BEARER.exec(header.trim())?.[1] ?? null
}

const unauthorized = (message: string): EmulatorError =>
  new EmulatorError(401, 'UNAUTHORIZED', message)

/**
 * Authenticates `Authorization: Bearer ot_pat_…` (contract §4.1): unknown, revoked and expired
 * tokens get one generic 401. Then the rate limit (D7/D24: a refused request neither counts nor
 * moves lastUsedAt), then `lastUsedAt` moves for every authenticated request (D23).
 */
export function authenticate(deps: EmulatorDeps): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const credential = parseBearer(c.req.header('authorization'))
    if (credential === null) {
      throw unauthorized('Missing API token: send Authorization: Bearer ot_pat_….')
    }
    const nowMs = deps.nowMs()
    const token = deps.store.findTokenByHash(hashToken(credential))
    if (token === undefined || tokenStatus(token, nowMs) !== 'active') {
      throw unauthorized('Invalid, expired or revoked API token.')
    }
    const account = deps.store.getAccount(token.accountId)
    if (account === undefined) throw unauthorized('Invalid, expired or revoked API token.')

    if (deps.rateLimiter !== undefined) {
      const decision = deps.rateLimiter.take(token.id, nowMs)
      if (!decision.allowed) {
        const seconds = decision.retryAfterSeconds
        throw new EmulatorError(
          429,
          'RATE_LIMITED',
          `Too many requests for this token. Retry in ${seconds} second${seconds === 1 ? '' : 's'}.`,
          { retryAfterSeconds: seconds },
          { 'Retry-After': String(seconds) },
        )
      }
    }

    deps.store.touchLastUsed(token.id, nowMs)
    c.set('caller', { account, token: { ...token, lastUsedAt: nowMs } })
    await next()
  }
}
