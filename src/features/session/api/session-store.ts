/**
 * Where the signed-in token lives: in memory and, unless the person opts out, this tab's
 * sessionStorage (survives a reload, dies with the tab); never localStorage, cookies or URLs. One
 * module-level store per tab; only the session feature writes it (how others read it: ../README.md).
 */
import { dropEarlyGets } from '../../../lib/http/early-responses'

const STORAGE_KEY = 'ot-console.session-token'

export type SignOutReason = 'signed-out' | 'token-invalid' | 'token-revoked'

export interface SessionSnapshot {
  token: string | null
  /** Why the last session ended, shown once on the sign-in page. */
  signOutReason: SignOutReason | null
}

type Listener = () => void

const listeners = new Set<Listener>()
let snapshot: SessionSnapshot = { token: readStoredToken(), signOutReason: null }

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage
  } catch {
    return null // storage disabled by the browser: memory only
  }
}

function readStoredToken(): string | null {
  return storage()?.getItem(STORAGE_KEY) ?? null
}

function publish(next: SessionSnapshot): void {
  snapshot = next
  for (const listener of listeners) listener()
}

export function getSessionSnapshot(): SessionSnapshot {
  return snapshot
}

/** The non-React read: the token requests are signed with, or `null` when signed out. */
export function readSessionToken(): string | null {
  return snapshot.token
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function startSession(token: string, options: { keepOnReload: boolean }): void {
  const store = storage()
  if (options.keepOnReload) store?.setItem(STORAGE_KEY, token)
  else store?.removeItem(STORAGE_KEY)
  publish({ token, signOutReason: null })
}

export function endSession(reason: SignOutReason): void {
  storage()?.removeItem(STORAGE_KEY)
  // An early request nobody took still holds the secret it was signed with.
  dropEarlyGets()
  publish({ token: null, signOutReason: reason })
}

/**
 * Moves the live session to another token (a rotation's replacement) without signing out: kept on
 * reload exactly when the current one was. Only `switchSessionToken`, which verifies it first,
 * calls this.
 */
export function replaceSessionToken(token: string): void {
  const store = storage()
  startSession(token, { keepOnReload: store?.getItem(STORAGE_KEY) != null })
}
