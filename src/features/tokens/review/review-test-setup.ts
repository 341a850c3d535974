import { screen, within } from '@testing-library/react'
import { createTestDb, type TestDb } from '../../../testing/msw/db'
import { handlersFor } from '../../../testing/msw/handlers'
import { signInForTest } from '../../../testing/msw/serve-session'
import { server } from '../../../testing/msw/server'
import { renderRoute } from '../../../testing/render-route'
import { buildToken, daysAgo } from '../../../testing/token-fixture'

const now = Date.now()

/**
 * The account the review's integration tests decide on: never used, unused for 200 days, a writer
 * and a reader in use, one revoked (not reviewed), and the session's own token (ci-runner), in use.
 */
export function reviewDb(): TestDb {
  const db = createTestDb([
    buildToken({ id: 'tok_never', name: 'Never used', lastUsedAt: null }),
    buildToken({ id: 'tok_old', name: 'Old sync', lastUsedAt: daysAgo(200, now) }),
    buildToken({
      id: 'tok_busy',
      name: 'Busy writer',
      lastUsedAt: daysAgo(0.1, now),
      scopes: ['jobs:write'],
      expiresAt: new Date(now + 60 * 86_400_000).toISOString(),
    }),
    buildToken({
      id: 'tok_quiet',
      name: 'Quiet reader',
      lastUsedAt: daysAgo(2, now),
      expiresAt: new Date(now + 60 * 86_400_000).toISOString(),
    }),
    buildToken({ id: 'tok_gone', name: 'Gone', status: 'revoked', revokedAt: daysAgo(1, now) }),
  ])
  const session = db.tokens.get('tok_session')!
  db.tokens.set(session.id, { ...session, lastUsedAt: new Date(now).toISOString() })
  return db
}

/** Signs in to `db`'s account (a fresh `reviewDb` by default) and opens `path` on the review. */
export async function openReview({ db = reviewDb(), path = '/review' } = {}) {
  server.use(...handlersFor(db))
  signInForTest()
  const view = renderRoute(path)
  await screen.findByRole('heading', { name: 'Access review' })
  return { db, ...view }
}

/** A token's Keep / Rotate / Revoke group, named after the token. */
export const group = (name: string) => screen.getByRole('group', { name })

/** One choice of a token's group: `Revoke` matches "Revoke suggested: …" too. */
export const choice = (name: string, label: string) =>
  within(group(name)).getByRole('radio', { name: new RegExp(`^${label}`) })
