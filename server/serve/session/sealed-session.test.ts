import { describe, expect, it } from 'vitest'
import { openSession, sealSession, type Session } from './sealed-session.ts'
import { sessionKeysFrom } from './session-keys.ts'

const SECRET = 'ot_pat_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEF'
const KEY_A = Buffer.alloc(32, 1).toString('base64')
const KEY_B = Buffer.alloc(32, 2).toString('hex')
const session: Session = { token: SECRET, tokenId: 'tok_1', expiresAt: Date.now() + 60_000 }

describe('sealed session', () => {
  it('opens what it sealed, under the same key', () => {
    const keys = sessionKeysFrom(KEY_A)
    expect(openSession(sealSession(session, keys), keys)).toEqual(session)
  })

  it('shows nothing of the secret, and seals the same session differently each time', () => {
    const keys = sessionKeysFrom(KEY_A)
    const sealed = sealSession(session, keys)
    const decoded = Buffer.from(sealed, 'base64url').toString('latin1')
    expect(sealed).not.toContain('ot_pat_')
    expect(decoded).not.toContain('ot_pat_')
    expect(decoded).not.toContain('tok_1')
    expect(sealSession(session, keys)).not.toBe(sealed)
  })

  it('refuses a value changed by one bit, cut short, or not sealed at all', () => {
    const keys = sessionKeysFrom(KEY_A)
    const bytes = Buffer.from(sealSession(session, keys), 'base64url')
    for (const index of [0, 13, 30, bytes.length - 1]) {
      const changed = Buffer.from(bytes)
      changed[index] = (changed[index] ?? 0) ^ 1
      expect(openSession(changed.toString('base64url'), keys)).toBeNull()
    }
    expect(openSession(bytes.subarray(0, 20).toString('base64url'), keys)).toBeNull()
    expect(openSession('not-a-session', keys)).toBeNull()
    expect(openSession('', keys)).toBeNull()
  })

  it('refuses another key, and opens under a list that still holds the old one', () => {
    const sealed = sealSession(session, sessionKeysFrom(KEY_A))
    expect(openSession(sealed, sessionKeysFrom(KEY_B))).toBeNull()
    const rotated = sessionKeysFrom(`${KEY_B},${KEY_A}`)
    expect(openSession(sealed, rotated)).toEqual(session)
    // New sessions are sealed with the first key only.
    expect(openSession(sealSession(session, rotated), sessionKeysFrom(KEY_B))).toEqual(session)
  })

  it('refuses a session past its expiry, whatever the browser kept', () => {
    const keys = sessionKeysFrom(KEY_A)
    const sealed = sealSession({ ...session, expiresAt: 1_000 }, keys)
    expect(openSession(sealed, keys, 999)).not.toBeNull()
    expect(openSession(sealed, keys, 1_000)).toBeNull()
  })
})

describe('OT_SESSION_KEY', () => {
  it('unset: a random key, different at each start', () => {
    const first = sessionKeysFrom(undefined)
    const second = sessionKeysFrom('  ')
    expect(first.generated).toBe(true)
    expect(first.sealing).toHaveLength(32)
    expect(first.sealing.equals(second.sealing)).toBe(false)
  })

  it('takes 32 bytes as base64 or hex, and a list whose first key seals', () => {
    expect(sessionKeysFrom(KEY_A).sealing.equals(Buffer.alloc(32, 1))).toBe(true)
    const keys = sessionKeysFrom(` ${KEY_B} , ${KEY_A} `)
    expect(keys.generated).toBe(false)
    expect(keys.sealing.equals(Buffer.alloc(32, 2))).toBe(true)
    expect(keys.opening).toHaveLength(2)
  })

  it('refuses a key of another length, saying which and how to make one, without echoing it', () => {
    const short = Buffer.alloc(16, 7).toString('base64')
    expect(() => sessionKeysFrom(`${KEY_A},${short}`)).toThrow(/key 2 is not 32 bytes.*openssl/)
    const message = (() => {
      try {
        sessionKeysFrom(short)
        return ''
      } catch (error) {
        return String(error)
      }
    })()
    expect(message).toMatch(/not 32 bytes/)
    expect(message).not.toContain(short)
  })
})
