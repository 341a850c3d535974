/**
 * `ot_tz`: this browser's time zone, for the serve command to write the next page's dates in the
 * zone the browser would (docs/server-rendering.md). A zone name is no secret; without the cookie
 * (a first visit) the server writes UTC, and the page switches to the local zone as it hydrates.
 */
const TIME_ZONE_COOKIE = 'ot_tz'

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

export function rememberTimeZone(): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`
  if (document.cookie.split('; ').includes(cookie)) return
  const secure = window.location.protocol === 'https:' ? '; Secure' : ''
  document.cookie = `${cookie}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Strict${secure}`
}
