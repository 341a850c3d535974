import type { Token } from '../features/tokens/api/token-schema'

/** A token record with sensible defaults; tests state only what matters to them. */
export function buildToken(overrides: Partial<Token> & Pick<Token, 'id'>): Token {
  return {
    name: `Token ${overrides.id}`,
    preview: `ot_pat_${overrides.id.slice(-4).padStart(4, '0')}********abcd`,
    scopes: ['jobs:read'],
    status: 'active',
    organizationId: null,
    createdAt: '2026-06-01T10:00:00.000Z',
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  }
}

const DAY_MS = 86_400_000

/** An ISO date `days` days before (negative: after) `now`. */
export function daysAgo(days: number, now: number): string {
  return new Date(now - days * DAY_MS).toISOString()
}
