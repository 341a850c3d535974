import type { Token } from '../../features/tokens/api/token-schema'
import type { Me } from '../../lib/me-schema'

/** The integration tests' stand-in for the API's data: a tiny in-memory account. */
export interface TestDb {
  tokens: Map<string, Token>
  me: Me
  /** The bearer token the handlers accept. */
  secret: string
}

export const TEST_SECRET = 'ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF'

export function buildToken(overrides: Partial<Token> & Pick<Token, 'id' | 'name'>): Token {
  return {
    preview: `ot_pat_${overrides.id.slice(-4)}********abcd`,
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

export function createTestDb(tokens: Token[] = []): TestDb {
  const session = buildToken({
    id: 'tok_session',
    name: 'ci-runner',
    scopes: ['jobs:read', 'jobs:write'],
  })
  return {
    tokens: new Map([session, ...tokens].map((token) => [token.id, token])),
    secret: TEST_SECRET,
    me: {
      actor: {
        userId: 'usr_1',
        email: 'mira@example.com',
        firstName: 'Mira',
        lastName: 'Chen',
        fullName: 'Mira Chen',
        userType: 'EMPLOYER',
      },
      token: {
        id: session.id,
        label: session.name,
        scopes: session.scopes,
        ownerOrganizationId: null,
      },
      account: {
        kind: 'employer_organization',
        organizationId: 'org_1',
        ownerUserId: 'usr_1',
        memberRole: 'OWNER',
      },
    },
  }
}
