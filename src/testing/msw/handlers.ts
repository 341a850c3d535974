import { http, HttpResponse } from 'msw'
import type { TestDb } from './db'

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
    http.get(`${API}/tokens`, ({ request }) =>
      authorised(request, db)
        ? HttpResponse.json({ tokens: [...db.tokens.values()] })
        : errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token'),
    ),
    http.delete(`${API}/tokens/:id`, ({ request, params }) => {
      if (!authorised(request, db)) return errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token')
      const token = db.tokens.get(String(params.id))
      if (!token) return errorEnvelope(404, 'NOT_FOUND', 'Token not found')
      const revoked = {
        ...token,
        status: 'revoked',
        revokedAt: token.revokedAt ?? new Date().toISOString(),
      }
      db.tokens.set(revoked.id, revoked)
      return HttpResponse.json({ token: revoked })
    }),
    http.get('*/console-config.json', () => HttpResponse.json({})),
  ]
}
