/**
 * Headers for every response, page or asset: a strict CSP (the app loads only its own scripts and
 * styles and talks only to its own origin), no MIME sniffing, no referrer (a URL must never carry
 * anything private).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

/**
 * Headers that only a document reads (no framing, its own browsing context group). A script or a
 * stylesheet ignores them, so fingerprinted assets go without: 64 bytes less on each of the files
 * the first render waits for.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}
