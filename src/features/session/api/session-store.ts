/**
 * Whether this browser has a session, and why the last one ended. The session itself is the serve
 * command's sealed HttpOnly cookie (docs/session.md): no script here ever holds its secret. The
 * page learns that one exists from the `ot_signed_in` cookie, which holds none. One module-level
 * store per tab; only the session feature writes it (how others read it: ../README.md).
 */
import { dropEarlyGets } from '../../../lib/http/early-responses'

export type SignOutReason = 'signed-out' | 'token-invalid' | 'token-revoked'

export interface SessionSnapshot {
  signedIn: boolean
  /** Why the last session ended, shown once on the sign-in page. */
  signOutReason: SignOutReason | null
}

type Listener = () => void

const listeners = new Set<Listener>()

/** The serve command's `ot_signed_in=1`, set beside the session cookie and cleared with it. */
function cookieSaysSignedIn(): boolean {
  return typeof document !== 'undefined' && /(?:^|;\s*)ot_signed_in=1(?:;|$)/.test(document.cookie)
}

let snapshot: SessionSnapshot = { signedIn: cookieSaysSignedIn(), signOutReason: null }

function publish(next: SessionSnapshot): void {
  snapshot = next
  for (const listener of listeners) listener()
}

export function getSessionSnapshot(): SessionSnapshot {
  return snapshot
}

/** The non-React read: whether requests go out with the session's cookie. */
export function isSignedIn(): boolean {
  return snapshot.signedIn
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The serve command has set the session's cookies (sign-in answered 200). */
export function startSession(): void {
  publish({ signedIn: true, signOutReason: null })
}

export function endSession(reason: SignOutReason): void {
  dropEarlyGets()
  publish({ signedIn: false, signOutReason: reason })
}
