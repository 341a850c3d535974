import { toIso } from './iso-date-time.ts'
import type { Scope } from './scopes.ts'
import { mintSecret, newTokenId } from './token-secret.ts'
import { tokenStatus, type TokenStatus } from './token-status.ts'
import type { WireToken } from './wire-types.ts'

/** A stored token: times are epoch milliseconds; the secret exists only as its SHA-256 hash. */
export interface TokenRow {
  id: string
  accountId: string
  secretHash: string
  publicId: string
  preview: string
  name: string
  scopes: Scope[]
  organizationId: string | null
  createdAt: number
  lastUsedAt: number | null
  expiresAt: number | null
  revokedAt: number | null
}

/** The parts of a row a listing needs: never the hash, the owner or the public id. */
export type ListedToken = Omit<TokenRow, 'accountId' | 'secretHash' | 'publicId'>

/**
 * The token record of the wire contract (§2) as the emulator writes it: the wire shape, with the
 * scopes and the status narrowed to the values the emulator can produce.
 */
export interface TokenRecord extends WireToken {
  scopes: Scope[]
  status: TokenStatus
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : toIso(ms))

/** The wire record of a row at `nowMs`; its keys in the documented order (§2), as JSON keeps it. */
export function toTokenRecord(row: ListedToken, nowMs: number): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    preview: row.preview,
    scopes: row.scopes,
    status: tokenStatus(row, nowMs),
    organizationId: row.organizationId,
    createdAt: toIso(row.createdAt),
    lastUsedAt: isoOrNull(row.lastUsedAt),
    expiresAt: isoOrNull(row.expiresAt),
    revokedAt: isoOrNull(row.revokedAt),
  }
}

/** What the caller decides about a new row; the id and everything about the secret are minted. */
export type NewTokenFields = Pick<
  TokenRow,
  'accountId' | 'name' | 'scopes' | 'organizationId' | 'createdAt'
> &
  Partial<Pick<TokenRow, 'lastUsedAt' | 'expiresAt' | 'revokedAt'>>

/** Mints a fresh secret and id for a new row; the plaintext is returned beside the row, not in it. */
export function newTokenRow(fields: NewTokenFields): { row: TokenRow; token: string } {
  const secret = mintSecret()
  return {
    token: secret.token,
    row: {
      id: newTokenId(),
      accountId: fields.accountId,
      secretHash: secret.hash,
      publicId: secret.publicId,
      preview: secret.preview,
      name: fields.name,
      scopes: fields.scopes,
      organizationId: fields.organizationId,
      createdAt: fields.createdAt,
      lastUsedAt: fields.lastUsedAt ?? null,
      expiresAt: fields.expiresAt ?? null,
      revokedAt: fields.revokedAt ?? null,
    },
  }
}
