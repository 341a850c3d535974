import { Hono, type MiddlewareHandler } from 'hono'
import { authenticate } from './auth.ts'
import type { EmulatorDeps, EmulatorEnv } from './context.ts'
import { EmulatorError, jsonResponse, notFound } from './errors.ts'
import {
  BodyTooLargeError,
  MAX_BODY_BYTES,
  parseJsonBody,
  readBodyLimited,
} from './request-body.ts'
import { ACTIVE_TOKEN_CAP } from './token-limits.ts'
import { newTokenRow, toTokenRecord } from './token-record.ts'
import { validateCreateToken } from './validate-create-token.ts'
import type { WireCreated, WireMe, WireRevoked, WireTokenList } from './wire-types.ts'

/** D15/D18: reads the body, refusing more than 64 KiB with 413 before authentication. */
const limitedBody: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
  try {
    c.set('body', await readBodyLimited(c.req.raw))
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new EmulatorError(413, 'BAD_REQUEST', error.message, { limitBytes: MAX_BODY_BYTES })
    }
    throw error
  }
  await next()
}

/** The `/api/public/v1` token routes. Unknown paths and methods fall through to a 404 (D14). */
export function publicRoutes(deps: EmulatorDeps): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>()
  const auth = authenticate(deps)

  routes.get('/auth/me', auth, (c) => {
    const { account, token } = c.get('caller')
    return jsonResponse(
      {
        actor: {
          userId: account.userId,
          email: account.email,
          firstName: account.firstName,
          lastName: account.lastName,
          fullName: `${account.firstName} ${account.lastName}`,
          userType: account.userType,
        },
        token: {
          id: token.id,
          label: token.name,
          scopes: token.scopes,
          ownerOrganizationId: token.organizationId,
        },
        account: {
          kind: account.kind,
          organizationId: account.organizationId,
          ownerUserId: account.userId,
          memberRole: account.memberRole,
        },
      } satisfies WireMe,
      200,
    )
  })

  routes.get('/tokens', auth, (c) => {
    const { account } = c.get('caller')
    const nowMs = deps.nowMs()
    const tokens = deps.store.listTokens(account.id).map((row) => toTokenRecord(row, nowMs))
    return jsonResponse({ tokens } satisfies WireTokenList, 200)
  })

  routes.post('/tokens', limitedBody, auth, (c) => {
    const { account, token: callerToken } = c.get('caller')
    const nowMs = deps.nowMs()
    const parsed = parseJsonBody(c.get('body'), c.req.header('content-type') ?? null)
    if (!parsed.ok) throw parsed.error
    const validation = validateCreateToken(parsed.value, callerToken.scopes, nowMs)
    if (!validation.ok) throw validation.error
    const { row, token } = newTokenRow({
      accountId: account.id,
      name: validation.value.name,
      scopes: validation.value.scopes,
      organizationId: callerToken.organizationId,
      createdAt: nowMs,
      expiresAt: validation.value.expiresAt,
    })
    const inserted = deps.store.insertTokenWithinCap(row, ACTIVE_TOKEN_CAP, nowMs)
    if (!inserted.ok) {
      throw new EmulatorError(
        409,
        'CONFLICT',
        `This account already has ${inserted.active} active tokens, the most allowed is ${ACTIVE_TOKEN_CAP}. Revoke one first.`,
        { limit: ACTIVE_TOKEN_CAP, active: inserted.active },
      )
    }
    return jsonResponse(
      { token, tokenType: 'bearer', metadata: toTokenRecord(row, nowMs) } satisfies WireCreated,
      201,
    )
  })

  routes.delete('/tokens/:tokenId', auth, (c) => {
    const { account } = c.get('caller')
    const tokenId = c.req.param('tokenId')
    const nowMs = deps.nowMs()
    const revoked = deps.store.revokeToken(account.id, tokenId, nowMs)
    if (revoked === undefined) throw notFound('Token not found.', { tokenId })
    return jsonResponse({ token: toTokenRecord(revoked, nowMs) } satisfies WireRevoked, 200)
  })

  return routes
}
