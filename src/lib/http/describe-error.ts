import { isApiError } from './api-error'

interface ErrorCopy {
  title: string
  message: string
}

/** The server's text as a sentence: trimmed, with a full stop when it has no end punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return 'No reason was given.'
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/** "Try again in 3 seconds." for a known wait, else a plain request to wait. */
export function retryAfterText(seconds: number | null): string {
  if (!seconds) return 'Wait a moment, then try again.'
  return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
}

/**
 * The one describer of errors for people: a title and a message for anything a request (or a
 * pasted token) can fail with. Messages from ApiError are already secret-free.
 */
export function describeError(error: unknown): ErrorCopy {
  // A TokenFormatError, known by name: importing the class would bring sign-in's parser and its
  // messages into every page's first render (token-input.ts).
  if (error instanceof Error && error.name === 'TokenFormatError') {
    return { title: 'Not a personal API token', message: error.message }
  }
  if (!isApiError(error)) {
    return {
      title: 'Something went wrong',
      message: 'An unexpected error occurred in the console.',
    }
  }
  if (error.code === 'TIMEOUT') return { title: 'No answer from OpenTrain', message: error.message }
  if (error.status === null) return { title: 'Cannot reach OpenTrain', message: error.message }
  if (error.status === 401) {
    return {
      title: 'Token not accepted',
      message: 'OpenTrain did not accept this token: it is unknown, revoked or expired.',
    }
  }
  if (error.status === 403) return { title: 'Not allowed', message: sentence(error.message) }
  if (error.status === 404) return { title: 'Not found', message: sentence(error.message) }
  if (error.status === 429) {
    return {
      title: 'Too many requests',
      message: `${sentence(error.message)} ${retryAfterText(error.retryAfterSeconds)}`,
    }
  }
  if (error.code === 'INVALID_RESPONSE')
    return { title: 'Unexpected answer', message: error.message }
  if (error.status >= 500) {
    return { title: 'OpenTrain had a problem', message: sentence(error.message) }
  }
  return { title: 'Request failed', message: sentence(error.message) }
}
