import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Account, PrintedRole } from './accounts.ts'
import { parseStoredScopes } from './scopes.ts'
import type { ListedToken, TokenRow } from './token-record.ts'

const SCHEMA_VERSION = 1

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  email TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  user_type TEXT NOT NULL,
  kind TEXT NOT NULL,
  organization_id TEXT,
  member_role TEXT NOT NULL,
  full_scopes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  secret_hash TEXT NOT NULL UNIQUE,
  public_id TEXT NOT NULL,
  preview TEXT NOT NULL,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  organization_id TEXT,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  expires_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_by_account ON tokens (account_id, created_at DESC, id DESC);
-- The printed tokens' plaintext: a convenience of a local tool, so that the tokens printed at
-- startup stay the same across restarts. Authentication never reads this table.
CREATE TABLE IF NOT EXISTS printed_tokens (
  role TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  token_id TEXT NOT NULL REFERENCES tokens(id),
  plaintext TEXT NOT NULL
);
`

interface AccountDbRow {
  id: string
  user_id: string
  email: string
  first_name: string
  last_name: string
  user_type: string
  kind: string
  organization_id: string | null
  member_role: string
  full_scopes: string
}

interface TokenDbRow {
  id: string
  account_id: string
  secret_hash: string
  public_id: string
  preview: string
  name: string
  scopes: string
  organization_id: string | null
  created_at: number
  last_used_at: number | null
  expires_at: number | null
  revoked_at: number | null
}

export interface PrintedToken {
  role: PrintedRole
  accountId: string
  tokenId: string
  plaintext: string
}

const toAccount = (row: AccountDbRow): Account => ({
  id: row.id,
  userId: row.user_id,
  email: row.email,
  firstName: row.first_name,
  lastName: row.last_name,
  userType: row.user_type,
  kind: row.kind,
  organizationId: row.organization_id,
  memberRole: row.member_role,
  fullScopes: parseStoredScopes(row.full_scopes),
})

/** What a listing returns (§2's record): no hash, owner or public id. */
type ListedTokenDbRow = Omit<TokenDbRow, 'account_id' | 'secret_hash' | 'public_id'>
const LISTED_COLUMNS =
  'id, preview, name, scopes, organization_id, created_at, last_used_at, expires_at, revoked_at'

const toListedToken = (row: ListedTokenDbRow): ListedToken => ({
  id: row.id,
  preview: row.preview,
  name: row.name,
  scopes: parseStoredScopes(row.scopes),
  organizationId: row.organization_id,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
})

const toTokenRow = (row: TokenDbRow): TokenRow => ({
  ...toListedToken(row),
  accountId: row.account_id,
  secretHash: row.secret_hash,
  publicId: row.public_id,
})

const ACTIVE = '(revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now))'

export type Store = ReturnType<typeof openStore>

/**
 * The SQLite store (better-sqlite3, synchronous). Every write runs in a transaction and is on disk
 * before the call returns (default rollback journal, synchronous=FULL), so a response is only sent
 * after its change is durable (D17).
 */
export function openStore(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  const version = Number(db.pragma('user_version', { simple: true }))
  if (version !== 0 && version !== SCHEMA_VERSION) {
    db.close()
    throw new Error(`${path} has emulator schema version ${version}; expected ${SCHEMA_VERSION}.`)
  }
  db.exec(SCHEMA)
  db.pragma(`user_version = ${SCHEMA_VERSION}`)

  const stmt = {
    countAccounts: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM accounts'),
    insertAccount: db.prepare(
      `INSERT INTO accounts (id, user_id, email, first_name, last_name, user_type, kind,
         organization_id, member_role, full_scopes)
       VALUES (@id, @user_id, @email, @first_name, @last_name, @user_type, @kind,
         @organization_id, @member_role, @full_scopes)`,
    ),
    getAccount: db.prepare<[string], AccountDbRow>('SELECT * FROM accounts WHERE id = ?'),
    insertToken: db.prepare(
      `INSERT INTO tokens (id, account_id, secret_hash, public_id, preview, name, scopes,
         organization_id, created_at, last_used_at, expires_at, revoked_at)
       VALUES (@id, @account_id, @secret_hash, @public_id, @preview, @name, @scopes,
         @organization_id, @created_at, @last_used_at, @expires_at, @revoked_at)`,
    ),
    tokenByHash: db.prepare<[string], TokenDbRow>('SELECT * FROM tokens WHERE secret_hash = ?'),
    tokenById: db.prepare<[string], TokenDbRow>('SELECT * FROM tokens WHERE id = ?'),
    tokenOfAccount: db.prepare<{ account: string; id: string }, TokenDbRow>(
      'SELECT * FROM tokens WHERE account_id = @account AND id = @id',
    ),
    // The listed columns only: the hash, the owner and the public id never leave the store, and
    // skipping them is a third less to copy out of SQLite for a 10,000-token account.
    listTokens: db.prepare<[string], ListedTokenDbRow>(
      `SELECT ${LISTED_COLUMNS} FROM tokens WHERE account_id = ? ORDER BY created_at DESC, id DESC`,
    ),
    countActive: db.prepare<{ account: string; now: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM tokens WHERE account_id = @account AND ${ACTIVE}`,
    ),
    touch: db.prepare<{ id: string; now: number }>(
      'UPDATE tokens SET last_used_at = @now WHERE id = @id',
    ),
    revoke: db.prepare<{ id: string; now: number }>(
      'UPDATE tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL',
    ),
    getPrinted: db.prepare<
      [string],
      { role: PrintedRole; account_id: string; token_id: string; plaintext: string }
    >('SELECT * FROM printed_tokens WHERE role = ?'),
    setPrinted: db.prepare(
      `INSERT INTO printed_tokens (role, account_id, token_id, plaintext)
       VALUES (@role, @account_id, @token_id, @plaintext)
       ON CONFLICT (role) DO UPDATE SET account_id = excluded.account_id,
         token_id = excluded.token_id, plaintext = excluded.plaintext`,
    ),
  }

  const insertToken = (row: TokenRow): void => {
    stmt.insertToken.run({
      id: row.id,
      account_id: row.accountId,
      secret_hash: row.secretHash,
      public_id: row.publicId,
      preview: row.preview,
      name: row.name,
      scopes: JSON.stringify(row.scopes),
      organization_id: row.organizationId,
      created_at: row.createdAt,
      last_used_at: row.lastUsedAt,
      expires_at: row.expiresAt,
      revoked_at: row.revokedAt,
    })
  }

  const countActive = (accountId: string, nowMs: number): number =>
    stmt.countActive.get({ account: accountId, now: nowMs })?.n ?? 0

  return {
    isEmpty: (): boolean => (stmt.countAccounts.get()?.n ?? 0) === 0,

    /** Runs `fn` in one transaction (used by seeding). */
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),

    insertAccount: db.transaction((account: Account): void => {
      stmt.insertAccount.run({
        id: account.id,
        user_id: account.userId,
        email: account.email,
        first_name: account.firstName,
        last_name: account.lastName,
        user_type: account.userType,
        kind: account.kind,
        organization_id: account.organizationId,
        member_role: account.memberRole,
        full_scopes: JSON.stringify(account.fullScopes),
      })
    }),

    getAccount: (id: string): Account | undefined => {
      const row = stmt.getAccount.get(id)
      return row === undefined ? undefined : toAccount(row)
    },

    insertToken: db.transaction(insertToken),

    findTokenByHash: (hash: string): TokenRow | undefined => {
      const row = stmt.tokenByHash.get(hash)
      return row === undefined ? undefined : toTokenRow(row)
    },

    findTokenById: (id: string): TokenRow | undefined => {
      const row = stmt.tokenById.get(id)
      return row === undefined ? undefined : toTokenRow(row)
    },

    /** D2/D27: createdAt descending, ties by id descending. */
    listTokens: (accountId: string): ListedToken[] =>
      stmt.listTokens.all(accountId).map(toListedToken),

    countActive,

    /** D23: records a use of the token. */
    touchLastUsed: db.transaction((id: string, nowMs: number): void => {
      stmt.touch.run({ id, now: nowMs })
    }),

    /**
     * Inserts `row` unless the account already holds `limit` active tokens (D5); the count and the
     * insert share one transaction.
     */
    insertTokenWithinCap: db.transaction(
      (
        row: TokenRow,
        limit: number,
        nowMs: number,
      ): { ok: true } | { ok: false; active: number } => {
        const active = countActive(row.accountId, nowMs)
        if (active >= limit) return { ok: false, active }
        insertToken(row)
        return { ok: true }
      },
    ),

    /**
     * Revokes the account's token `id` and returns it; an already revoked token keeps its original
     * `revokedAt` (D3). `undefined` when the account has no such token (D16).
     */
    revokeToken: db.transaction(
      (accountId: string, id: string, nowMs: number): TokenRow | undefined => {
        const row = stmt.tokenOfAccount.get({ account: accountId, id })
        if (row === undefined) return undefined
        stmt.revoke.run({ id, now: nowMs })
        const updated = stmt.tokenById.get(id)
        return updated === undefined ? undefined : toTokenRow(updated)
      },
    ),

    /** RFC 7009: revokes the token with this hash if there is one; reveals nothing. */
    revokeByHash: db.transaction((hash: string, nowMs: number): void => {
      const row = stmt.tokenByHash.get(hash)
      if (row !== undefined) stmt.revoke.run({ id: row.id, now: nowMs })
    }),

    getPrinted: (role: PrintedRole): PrintedToken | undefined => {
      const row = stmt.getPrinted.get(role)
      return row === undefined
        ? undefined
        : {
            role: row.role,
            accountId: row.account_id,
            tokenId: row.token_id,
            plaintext: row.plaintext,
          }
    },

    /** Stores a freshly minted printed token and its plaintext in one transaction. */
    insertPrintedToken: db.transaction(
      (role: PrintedRole, row: TokenRow, plaintext: string): void => {
        insertToken(row)
        stmt.setPrinted.run({ role, account_id: row.accountId, token_id: row.id, plaintext })
      },
    ),

    close: (): void => {
      if (db.open) db.close()
    },
  }
}
