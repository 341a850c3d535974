import { isApiError } from './api-error'

interface ErrorCopy {
  title: string
  message: string
}

/** Friendly title and message for any error. Messages from ApiError are already secret-free. */
export function describeError(error: unknown): ErrorCopy {
  if (!isApiError(error)) {
    return {
      title: 'Something went wrong',
      message: 'An unexpected error occurred in the console.',
    }
  }
  if (error.status === null) return { title: 'Cannot reach OpenTrain', message: error.message }
  if (error.status === 401) return { title: 'Signed out', message: error.message }
  if (error.status === 403) return { title: 'Not allowed', message: error.message }
  if (error.status === 404) return { title: 'Not found', message: error.message }
  if (error.status === 429) {
    const wait = error.retryAfterSeconds
    const suffix = wait ? ` Try again in ${wait} second${wait === 1 ? '' : 's'}.` : ''
    return { title: 'Too many requests', message: `${error.message}${suffix}` }
  }
  if (error.code === 'INVALID_RESPONSE')
    return { title: 'Unexpected answer', message: error.message }
  if (error.status >= 500) return { title: 'OpenTrain had a problem', message: error.message }
  return { title: 'Request failed', message: error.message }
}
