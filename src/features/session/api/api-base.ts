/** The OpenTrain public API, same-origin through the serve proxy (D13). */
export function apiBaseUrl(): string {
  return new URL('/api/public/v1', window.location.origin).href
}
