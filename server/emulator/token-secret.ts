import { createHash, randomBytes } from 'node:crypto'

const TOKEN_PREFIX = 'ot_pat_'
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** Matches a well-formed personal API token: `ot_pat_<12 lowercase hex>_<32 base62>`. */
export const TOKEN_PATTERN = /^ot_pat_([0-9a-f]{12})_([0-9A-Za-z]{32})$/

export interface MintedSecret {
  /** The whole plaintext token. Shown once, never stored (except the printed tokens). */
  token: string
  publicId: string
  /** SHA-256 (hex) of the whole token string: the only thing the emulator authenticates with. */
  hash: string
  preview: string
}

export type RandomBytes = (size: number) => Uint8Array

/** `count` characters drawn uniformly from `alphabet` (rejection sampling, no modulo bias). */
function randomString(alphabet: string, count: number, random: RandomBytes): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < count) {
    for (const byte of random(count * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length]
      if (out.length === count) break
    }
  }
  return out
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** `ot_pat_` + first 4 of the publicId + 8 asterisks + last 4 of the whole token (contract §1). */
export function previewOf(token: string): string {
  const afterPrefix = token.startsWith(TOKEN_PREFIX) ? token.slice(TOKEN_PREFIX.length) : token
  return `${TOKEN_PREFIX}${afterPrefix.slice(0, 4)}********${token.slice(-4)}`
}

export function mintSecret(random: RandomBytes = randomBytes): MintedSecret {
  const publicId = Buffer.from(random(6)).toString('hex')
  const secret = randomString(BASE62, 32, random)
  const token = `${TOKEN_PREFIX}${publicId}_${secret}`
  return { token, publicId, hash: hashToken(token), preview: previewOf(token) }
}

/** `tok_` + 20 random base32 characters (D10). */
export function newTokenId(random: RandomBytes = randomBytes): string {
  return `tok_${randomString(BASE32, 20, random)}`
}
