import { redirect, type ParsedLocation } from '@tanstack/react-router'
import { readSessionToken } from '../lib/session-store'

/** `beforeLoad` guard: without a session, go to sign-in and come back here afterwards. */
export function requireSession({ location }: { location: ParsedLocation }): void {
  if (readSessionToken() === null) {
    throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true })
  }
}
