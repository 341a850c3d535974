import { randomBytes } from 'node:crypto'

/** AES-256 takes a 32-byte key. */
const KEY_BYTES = 32

export interface SessionKeys {
  /** Seals new cookies: the first key of `OT_SESSION_KEY`. */
  sealing: Buffer
  /** Open cookies: every key listed, so a key can be rotated without signing everyone out. */
  opening: readonly Buffer[]
  /** No `OT_SESSION_KEY`: a random key made at start, so a restart signs everyone out. */
  generated: boolean
}

function parseKey(text: string, position: number): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `OT_SESSION_KEY: key ${position} is not 32 bytes (64 hex digits or 44 base64 characters); ` +
        'make one with: openssl rand -base64 32',
    )
  }
  return key
}

/**
 * The keys that seal the session cookie, from `OT_SESSION_KEY`: one key, or a comma-separated
 * list whose first key seals and whose every key opens (to rotate: put the new key first, keep the
 * old one until the longest session has ended, then drop it). Unset: one random key.
 */
export function sessionKeysFrom(value: string | undefined): SessionKeys {
  const texts = (value ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
  const [first, ...rest] = texts.map((text, index) => parseKey(text, index + 1))
  if (first === undefined) {
    const key = randomBytes(KEY_BYTES)
    return { sealing: key, opening: [key], generated: true }
  }
  return { sealing: first, opening: [first, ...rest], generated: false }
}
