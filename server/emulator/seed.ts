import type { Account } from './accounts.ts'
import { SCOPE_CATALOG, normalizeScopes, type Scope } from './scopes.ts'
import type { Store } from './store.ts'
import { ACTIVE_TOKEN_CAP } from './token-limits.ts'
import { newTokenRow, type NewTokenFields, type TokenRow } from './token-record.ts'

export type SeedMode = 'demo' | 'empty' | number

/** The most tokens `--seed N` accepts. */
export const MAX_SEED_TOKENS = 100_000

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The post-claim default set (contract §8): every scope but `payments:write` and `webhooks:manage`. */
const POST_CLAIM_SCOPES: Scope[] = SCOPE_CATALOG.filter(
  (scope) => scope !== 'payments:write' && scope !== 'webhooks:manage',
)

export const DEMO_ACCOUNT: Account = {
  id: 'acc_demo',
  userId: 'usr_7q2m4k9x',
  email: 'owner@example.com',
  firstName: 'Mira',
  lastName: 'Chen',
  userType: 'EMPLOYER',
  kind: 'employer_organization',
  organizationId: 'org_5d1c8a',
  memberRole: 'OWNER',
  fullScopes: [...SCOPE_CATALOG],
}

export const OTHER_ACCOUNT: Account = {
  id: 'acc_other',
  userId: 'usr_3h8p1w6d',
  email: 'ops@northwind.example',
  firstName: 'Sam',
  lastName: 'Okafor',
  userType: 'EMPLOYER',
  kind: 'employer_organization',
  organizationId: 'org_9b2e7f',
  memberRole: 'OWNER',
  fullScopes: POST_CLAIM_SCOPES,
}

/**
 * A token to seed: a new row's fields for no account in particular, every one given, and the times
 * offsets in ms before (negative) or after (positive) "now".
 */
export type SeedToken = Required<Omit<NewTokenFields, 'accountId'>>

export const LONG_NAME =
  'Nightly data-warehouse sync for the analytics team: jobs, proposals, messages and payments into BigQuery (EU region), v2'
export const EMOJI_RTL_NAME = '🚀 Release bot · בוט שחרור · بوت النشر 🤖'
export const HTML_NAME = '<img src=x onerror=alert(1)>'

const token = (
  name: string,
  scopes: Scope[],
  times: Partial<Omit<SeedToken, 'name' | 'scopes'>> & { createdAt: number },
): SeedToken => ({
  name,
  scopes: normalizeScopes(scopes),
  organizationId: times.organizationId ?? null,
  createdAt: times.createdAt,
  lastUsedAt: times.lastUsedAt ?? null,
  expiresAt: times.expiresAt ?? null,
  revokedAt: times.revokedAt ?? null,
})

/** The demo account's dozen tokens: every state and edge case the console must show. */
export function demoAccountTokens(): SeedToken[] {
  return [
    token('CI deploy (GitHub Actions)', ['jobs:read', 'jobs:write'], {
      createdAt: -45 * DAY,
      lastUsedAt: -2 * HOUR,
    }),
    token(
      'Hiring agent',
      ['jobs:write', 'proposals:read', 'proposals:write', 'messages:read', 'messages:write'],
      {
        createdAt: -20 * DAY,
        lastUsedAt: -10 * MINUTE,
        organizationId: DEMO_ACCOUNT.organizationId,
      },
    ),
    token('Reporting dashboard (read-only)', ['jobs:read', 'proposals:read', 'payments:read'], {
      createdAt: -34 * DAY,
    }),
    token('Legacy Zapier integration', ['messages:read', 'team:read'], {
      createdAt: -410 * DAY,
      lastUsedAt: -230 * DAY,
    }),
    token('Contractor onboarding (temporary)', ['team:read', 'team:write'], {
      createdAt: -12 * DAY,
      lastUsedAt: -26 * HOUR,
      expiresAt: 2 * DAY + 5 * HOUR,
    }),
    token('Q1 payroll export', ['payments:read', 'payments:write'], {
      createdAt: -120 * DAY,
      lastUsedAt: -16 * DAY,
      expiresAt: -15 * DAY,
    }),
    token('Old laptop', ['jobs:read', 'messages:read', 'messages:write'], {
      createdAt: -300 * DAY,
      lastUsedAt: -95 * DAY,
      revokedAt: -90 * DAY,
    }),
    token('Leaked in a gist (revoked)', ['jobs:read', 'jobs:write', 'payments:read'], {
      createdAt: -70 * DAY,
      lastUsedAt: -41 * DAY,
      expiresAt: -5 * DAY,
      revokedAt: -40 * DAY,
    }),
    token('Webhook relay', ['webhooks:manage'], {
      createdAt: -60 * DAY,
      lastUsedAt: -3 * DAY,
      organizationId: DEMO_ACCOUNT.organizationId,
    }),
    token(
      LONG_NAME,
      ['jobs:read', 'proposals:read', 'messages:read', 'payments:read', 'team:read'],
      {
        createdAt: -8 * DAY,
        lastUsedAt: -5 * HOUR,
        expiresAt: 90 * DAY,
      },
    ),
    token(EMOJI_RTL_NAME, ['jobs:read', 'proposals:read'], {
      createdAt: -5 * DAY,
      lastUsedAt: -1 * DAY,
    }),
    token(HTML_NAME, ['jobs:read'], { createdAt: -2 * DAY }),
  ]
}

/** The second account's few tokens (isolation): active, expired and revoked. */
export function otherAccountTokens(): SeedToken[] {
  return [
    token('Northwind CI', ['jobs:read', 'jobs:write'], {
      createdAt: -30 * DAY,
      lastUsedAt: -1 * HOUR,
    }),
    token('Northwind analytics', ['payments:read', 'team:read'], {
      createdAt: -200 * DAY,
      lastUsedAt: -100 * DAY,
      expiresAt: -60 * DAY,
    }),
    token('Northwind old agent', ['proposals:read', 'messages:read'], {
      createdAt: -150 * DAY,
      revokedAt: -140 * DAY,
    }),
  ]
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PURPOSES = [
  'CI deploy',
  'Hiring agent',
  'Reporting',
  'Data export',
  'Slack bridge',
  'Zapier',
  'Nightly sync',
  'Webhook relay',
  'Staging smoke test',
  'Billing reconciliation',
  'Team onboarding',
  'Notebook',
]
const OWNERS = ['mira', 'ops', 'data', 'growth', 'finance', 'platform', 'qa', 'contractor']

/**
 * `--seed N`: N tokens in mixed states, at most `maxActive` of them active (one under the cap: the
 * printed token takes the last slot), last-used dates spread over two years. Deterministic for a
 * given N.
 */
export function scaleTokens(count: number, maxActive = ACTIVE_TOKEN_CAP - 1): SeedToken[] {
  const random = seededRandom(0x5eed ^ count)
  const between = (from: number, to: number): number => Math.round(from + random() * (to - from))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const tokens: SeedToken[] = []
  let active = 0
  for (let i = 0; i < count; i++) {
    const createdAt = between(-730 * DAY, -1 * HOUR)
    const roll = random()
    const state = roll < 0.5 && active < maxActive ? 'active' : roll < 0.75 ? 'expired' : 'revoked'
    const scopes = SCOPE_CATALOG.filter(() => random() < 0.35)
    const seedToken = token(
      `${pick(PURPOSES)} (${pick(OWNERS)}) #${i + 1}`,
      scopes.length > 0 ? scopes : ['jobs:read'],
      {
        createdAt,
      },
    )
    if (state === 'active') {
      active++
      if (random() < 0.3) seedToken.expiresAt = between(1 * HOUR, 365 * DAY)
      if (random() < 0.85) seedToken.lastUsedAt = between(createdAt, 0)
    } else if (state === 'expired') {
      seedToken.expiresAt = between(createdAt + MINUTE, 0)
      if (random() < 0.85) seedToken.lastUsedAt = between(createdAt, seedToken.expiresAt)
    } else {
      seedToken.revokedAt = between(createdAt, 0)
      if (random() < 0.85) seedToken.lastUsedAt = between(createdAt, seedToken.revokedAt)
    }
    tokens.push(seedToken)
  }
  return tokens
}

/** A stored row for a seed token of `accountId`, its offsets taken from `nowMs`. */
export function seedTokenRow(accountId: string, seedToken: SeedToken, nowMs: number): TokenRow {
  const at = (offset: number | null): number | null => (offset === null ? null : nowMs + offset)
  return newTokenRow({
    accountId,
    name: seedToken.name,
    scopes: seedToken.scopes,
    organizationId: seedToken.organizationId,
    createdAt: nowMs + seedToken.createdAt,
    lastUsedAt: at(seedToken.lastUsedAt),
    expiresAt: at(seedToken.expiresAt),
    revokedAt: at(seedToken.revokedAt),
  }).row
}

function insertSeedTokens(
  store: Store,
  account: Account,
  tokens: SeedToken[],
  nowMs: number,
): void {
  for (const seedToken of tokens) store.insertToken(seedTokenRow(account.id, seedToken, nowMs))
}

/** Seeds the two accounts and their tokens (not the printed tokens) when the db is empty. */
export function seedIfEmpty(store: Store, mode: SeedMode, nowMs: number): boolean {
  if (!store.isEmpty()) return false
  store.transaction(() => {
    store.insertAccount(DEMO_ACCOUNT)
    store.insertAccount(OTHER_ACCOUNT)
    if (mode === 'empty') return
    insertSeedTokens(
      store,
      DEMO_ACCOUNT,
      mode === 'demo' ? demoAccountTokens() : scaleTokens(mode),
      nowMs,
    )
    insertSeedTokens(store, OTHER_ACCOUNT, otherAccountTokens(), nowMs)
  })
  return true
}
