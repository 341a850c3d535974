import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../../../lib/http/api-error'
import { parseTokenInput } from '../../../lib/text/token-input'
import { meQueries } from './me-queries'
import { clearServerSession, signInWithDemo, signInWithSecret } from './session-api'
import { startSession } from './session-store'

/** What the person pasted (trimmed and checked before any request), or the demo token. */
type SignInInput = { raw: string } | { demo: true }

/**
 * Signing in: check the pasted token's shape, then send it once to the serve command, which
 * verifies it with `/auth/me` and keeps it in its sealed cookie; keep the answer as the session's
 * `me`. A malformed token fails with a TokenFormatError and sends nothing.
 */
export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...meQueries.all(), 'sign-in'],
    mutationFn: (input: SignInInput) =>
      'demo' in input ? signInWithDemo() : signInWithSecret(parseTokenInput(input.raw)),
    onSuccess: (me) => {
      startSession()
      queryClient.setQueryData(meQueries.me().queryKey, me)
    },
    // A 200 this page cannot read: the serve command may have started a session the page will
    // not use, so it is ended.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 200) clearServerSession()
    },
    // The pasted secret is in this mutation's variables: drop it as soon as the page is gone.
    gcTime: 0,
  })
}
