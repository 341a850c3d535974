import { generateCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'

/** The sealed session: HttpOnly, so no script in the page can read it. */
const SESSION_COOKIE = 'ot_session'
/** "A session exists", for the page to choose its first screen: holds no secret, so not HttpOnly. */
const SIGNED_IN_COOKIE = 'ot_signed_in'

/** How long a sign-in lasts: a working day, then the secret is asked for again. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000

/**
 * Over HTTPS, directly or behind a reverse proxy that says so (`X-Forwarded-Proto: https`). A
 * client claiming it falsely only gets a cookie its own plain-HTTP requests will not carry.
 */
function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return forwarded === 'https' || new URL(request.url).protocol === 'https:'
}

function attributes(request: Request, maxAgeSeconds: number): CookieOptions {
  return {
    path: '/',
    sameSite: 'Strict',
    secure: isHttps(request),
    maxAge: maxAgeSeconds,
  }
}

/** The two `Set-Cookie` values that start (or switch) a session sealed as `sealed`. */
export function sessionCookies(request: Request, sealed: string): string[] {
  const maxAge = SESSION_LIFETIME_MS / 1000
  return [
    generateCookie(SESSION_COOKIE, sealed, { ...attributes(request, maxAge), httpOnly: true }),
    generateCookie(SIGNED_IN_COOKIE, '1', attributes(request, maxAge)),
  ]
}

/** The two `Set-Cookie` values that end the session in the browser. */
export function clearedSessionCookies(request: Request): string[] {
  return [
    generateCookie(SESSION_COOKIE, '', { ...attributes(request, 0), httpOnly: true }),
    generateCookie(SIGNED_IN_COOKIE, '', attributes(request, 0)),
  ]
}

/** The raw value of the request's cookie `name`, if it carries one (and it is not empty). */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie')
  if (header === null) return null
  for (const pair of header.split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=') || null
  }
  return null
}

/** The raw sealed value of the session cookie, if the request carries one. */
export function readSessionCookie(request: Request): string | null {
  return readCookie(request, SESSION_COOKIE)
}
