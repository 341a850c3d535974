import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SessionKeys } from './session-keys.ts'

/** What the session cookie holds, sealed: readable and changeable by the serve command alone. */
export interface Session {
  /** The `ot_pat_` secret the proxy adds as `Authorization`. */
  token: string
  /** Its id (from `/auth/me`): revoking this token ends the session. */
  tokenId: string
  /** Milliseconds since the epoch; the cookie is refused afterwards, whatever the browser keeps. */
  expiresAt: number
}

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
/** Binds a sealed value to its use: a value sealed for something else never opens as a session. */
const ASSOCIATED_DATA = Buffer.from('opentrain-console session v1')

/**
 * Seals `session` with AES-256-GCM under `keys.sealing`: a random 96-bit IV, then the tag, then
 * the ciphertext, as base64url (cookie-safe). Any change to it makes `openSession` refuse it.
 */
export function sealSession(session: Session, keys: SessionKeys): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', keys.sealing, iv).setAAD(ASSOCIATED_DATA)
  const plain = Buffer.from(JSON.stringify({ v: VERSION, ...session }))
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

function isSession(value: unknown): value is Session & { v: number } {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    record.v === VERSION &&
    typeof record.token === 'string' &&
    typeof record.tokenId === 'string' &&
    typeof record.expiresAt === 'number'
  )
}

/**
 * The session sealed in `value` under any of `keys.opening`, or `null` when it does not open
 * (tampered, another key, another format) or has expired by `now`.
 */
export function openSession(value: string, keys: SessionKeys, now = Date.now()): Session | null {
  const bytes = Buffer.from(value, 'base64url')
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null
  const iv = bytes.subarray(0, IV_BYTES)
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES)
  const sealed = bytes.subarray(IV_BYTES + TAG_BYTES)
  for (const key of keys.opening) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(ASSOCIATED_DATA)
      decipher.setAuthTag(tag)
      const plain = Buffer.concat([decipher.update(sealed), decipher.final()])
      const parsed: unknown = JSON.parse(plain.toString('utf8'))
      if (!isSession(parsed) || parsed.expiresAt <= now) return null
      return { token: parsed.token, tokenId: parsed.tokenId, expiresAt: parsed.expiresAt }
    } catch {
      // Not this key (or not ours at all): try the next.
    }
  }
  return null
}
