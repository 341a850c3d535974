import { redirect, type ParsedLocation } from '@tanstack/react-router'
import type { RouterContext } from '../router'

/** `beforeLoad` guard: without a session, go to sign-in and come back here afterwards. */
export function requireSession({
  context,
  location,
}: {
  context: RouterContext
  location: ParsedLocation
}): void {
  if (!context.session.isSignedIn()) {
    throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true })
  }
}
