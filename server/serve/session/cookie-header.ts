// For code that talks to a running serve command as a browser would (process tests, the bench).

/** The `Cookie` header a browser would send back after `response`'s `Set-Cookie` headers. */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ')
}

/**
 * Signs in at the serve command at `url` as the console's page does: with `token`, or with the
 * demo token when none is given. The answer (`me`, or the refusal) and the cookies to send back.
 */
export async function signInAt(
  url: string,
  token?: string,
): Promise<{ response: Response; cookie: string }> {
  const response = await fetch(`${url}/console/session${token === undefined ? '/demo' : ''}`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/json' },
    ...(token === undefined ? {} : { body: JSON.stringify({ token }) }),
  })
  return { response, cookie: cookieHeaderFrom(response) }
}
