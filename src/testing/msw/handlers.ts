import { http, HttpResponse } from 'msw'
import type { Me } from '../../features/session/api/me-schema'
import { buildToken } from '../token-fixture'
import { revokedRecord, type TestDb } from './db'
import { secretOf, sessionHandlers } from './serve-session'

const API = '*/api/public/v1'

export function errorEnvelope(
  status: number,
  code: string,
  error: string,
  requestId = 'req-test-1',
) {
  return HttpResponse.json(
    { error, code, requestId },
    { status, headers: { 'X-Request-Id': requestId } },
  )
}

/**
 * The id of the token a secret belongs to, if it still works: the session's secret (`db.secret`,
 * which a test changes to make it stop working) or one created since. A revoked token gets 401s;
 * a session token a test left out of the list still works.
 */
function secretTokenId(secret: string, db: TestDb): string | undefined {
  const id = secret === db.secret ? db.me.token.id : db.secrets.get(secret)
  if (id === undefined) return undefined
  const status = db.tokens.get(id)?.status
  return status === undefined || status === 'active' ? id : undefined
}

/** The id of the token a request is made with (its `Authorization`, else the session cookie's). */
function bearerTokenId(request: Request, db: TestDb): string | undefined {
  return secretTokenId(secretOf(request), db)
}

function authorised(request: Request, db: TestDb): boolean {
  return bearerTokenId(request, db) !== undefined
}

/** `/auth/me` for the token a request is signed with: the session's is `db.me` as a test set it. */
function meFor(id: string, db: TestDb): Me {
  const token = db.tokens.get(id)
  if (id === db.me.token.id || !token) return db.me
  return {
    ...db.me,
    token: { id: token.id, label: token.name, scopes: token.scopes, ownerOrganizationId: null },
  }
}

/** Handlers that follow the API contract over a TestDb; tests override single routes with server.use. */
export function handlersFor(db: TestDb) {
  return [
    http.get(`${API}/auth/me`, ({ request }) => {
      const id = bearerTokenId(request, db)
      return id !== undefined
        ? HttpResponse.json(meFor(id, db))
        : errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token')
    }),
    ...sessionHandlers(),
    listTokensHandler(db),
    revokeTokenHandler(db),
    createTokenHandler(db),
    http.get('*/console-config.json', () => HttpResponse.json({})),
  ]
}

/** `GET /tokens` over a TestDb; `onArrive` sees each request first (to count it, say). */
export function listTokensHandler(db: TestDb, onArrive?: (request: Request) => void) {
  return http.get(`${API}/tokens`, ({ request }) => {
    onArrive?.(request)
    return authorised(request, db)
      ? HttpResponse.json({ tokens: [...db.tokens.values()] })
      : errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token')
  })
}

interface RevokeHandlerOptions {
  /** The `revokedAt` the server stamps on a token it revokes now; by default, the current time. */
  revokedAt?: () => string
  /** Runs as a DELETE arrives, before the server acts on it: count it, or hold it on a gate. */
  onArrive?: (id: string) => void | Promise<void>
}

/** `DELETE /tokens/{id}` over a TestDb as the contract has it: 200 with the record, 404, 401 (D3). */
export function revokeTokenHandler(db: TestDb, options: RevokeHandlerOptions = {}) {
  return http.delete(`${API}/tokens/:id`, async ({ request, params }) => {
    const id = String(params.id)
    await options.onArrive?.(id)
    if (!authorised(request, db)) return errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token')
    const token = db.tokens.get(id)
    if (!token) return errorEnvelope(404, 'NOT_FOUND', 'Token not found', 'req-404')
    const revoked = revokedRecord(token, options.revokedAt?.() ?? new Date().toISOString())
    db.tokens.set(id, revoked)
    return HttpResponse.json({ token: revoked })
  })
}

/**
 * `DELETE /tokens/{id}` answered once with a 429 and `Retry-After`; every later one falls through
 * to the usual handler (`handlersFor`'s revoke). `calls` counts the DELETEs of `id`.
 */
export function rateLimitedOnce(id: string, retryAfterSeconds: number, requestId = 'req-429') {
  let calls = 0
  return {
    handler: http.delete(`${API}/tokens/${id}`, () => {
      calls += 1
      if (calls > 1) return undefined
      return HttpResponse.json(
        { error: 'Too many requests', code: 'RATE_LIMITED', requestId },
        { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
      )
    }),
    calls: () => calls,
  }
}

/**
 * `POST /tokens` over a TestDb, as far as the console relies on it (§3.2): 201 with the secret and
 * the record, 403 for a scope the caller does not cover, 409 at the 25-token cap.
 */
function createTokenHandler(db: TestDb) {
  return http.post(`${API}/tokens`, async ({ request }) => {
    if (!authorised(request, db)) return errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token')
    const body = (await request.json()) as { name: string; scopes: string[]; expiresAt?: string }
    const held = db.me.token.scopes
    const denied = body.scopes.filter(
      (scope) =>
        !held.includes(scope) &&
        !(scope.endsWith(':read') && held.includes(scope.replace(/:read$/, ':write'))),
    )
    if (denied.length > 0) {
      return HttpResponse.json(
        {
          error: 'A requested scope is not covered by your token.',
          code: 'FORBIDDEN',
          requestId: 'req-403',
          details: { deniedScopes: denied, grantedScopes: held },
        },
        { status: 403 },
      )
    }
    const active = [...db.tokens.values()].filter((token) => token.status === 'active').length
    if (active >= 25) {
      return HttpResponse.json(
        {
          error: 'You already have 25 active tokens.',
          code: 'CONFLICT',
          requestId: 'req-409',
          details: { limit: 25, active },
        },
        { status: 409 },
      )
    }
    const id = `tok_new${db.tokens.size}`
    const secret = `ot_pat_${id.slice(-4).padStart(12, '0')}_${'s'.repeat(32)}`
    const token = buildToken({
      id,
      name: body.name,
      scopes: body.scopes,
      expiresAt: body.expiresAt ?? null,
      createdAt: new Date().toISOString(),
      preview: `ot_pat_${secret.slice(7, 11)}********ssss`,
    })
    db.tokens.set(id, token)
    db.secrets.set(secret, id)
    return HttpResponse.json(
      { token: secret, tokenType: 'bearer', metadata: token },
      { status: 201 },
    )
  })
}
