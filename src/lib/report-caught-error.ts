import { isApiError } from './http/api-error'

/**
 * React's report of an error an error boundary caught (`createRoot`'s `onCaughtError`). An API
 * failure is not a bug: the boundary shows it, with its request id, and React's default report
 * would log it to the console as one. Anything else is a bug, and is logged as React would.
 */
export function reportCaughtError(error: unknown, info: { componentStack?: string }): void {
  if (isApiError(error)) return
  console.error(error, info.componentStack)
}
