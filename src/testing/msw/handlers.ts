import { http, HttpResponse } from 'msw'
import { revokedRecord, type TestDb } from './db'

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

function authorised(request: Request, db: TestDb): boolean {
  return request.headers.get('Authorization') === `Bearer ${db.secret}`
}

/** Handlers that follow the API contract over a TestDb; tests override single routes with server.use. */
export function handlersFor(db: TestDb) {
  return [
    http.get(`${API}/auth/me`, ({ request }) =>
      authorised(request, db)
        ? HttpResponse.json(db.me)
        : errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token'),
    ),
    listTokensHandler(db),
    revokeTokenHandler(db),
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
