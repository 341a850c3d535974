import type { Token } from '../../features/tokens/api/token-schema'
import type { Me } from '../../features/session/api/me-schema'
import { buildToken } from '../token-fixture'

/** The integration tests' stand-in for the API's data: a tiny in-memory account. */
export interface TestDb {
  tokens: Map<string, Token>
  me: Me
  /** The session's bearer token. */
  secret: string
  /** The secrets of tokens created since, to their ids (the session's is `secret`). */
  secrets: Map<string, string>
}

export const TEST_SECRET = 'ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF'

export function createTestDb(tokens: Token[] = []): TestDb {
  const session = buildToken({
    id: 'tok_session',
    name: 'ci-runner',
    scopes: ['jobs:read', 'jobs:write'],
  })
  return {
    tokens: new Map([session, ...tokens].map((token) => [token.id, token])),
    secret: TEST_SECRET,
    secrets: new Map(),
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

/** What the server stores when it revokes `token` at `at`: an earlier `revokedAt` stays (D3). */
export function revokedRecord(token: Token, at: string): Token {
  return { ...token, status: 'revoked', revokedAt: token.revokedAt ?? at }
}
