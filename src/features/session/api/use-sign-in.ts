import { useMutation, useQueryClient } from '@tanstack/react-query'
import { parseTokenInput } from '../../../lib/text/token-input'
import { getMe } from './me-api'
import { meQueries } from './me-queries'
import { startSession } from './session-store'

interface SignInInput {
  /** What the person pasted; trimmed and checked before any request. */
  raw: string
  keepOnReload: boolean
}

/**
 * Signing in: check the pasted token's shape, verify it with `/auth/me`, then make it the
 * session's and keep the answer as the session's `me`. A malformed token fails with a
 * TokenFormatError and sends nothing.
 */
export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...meQueries.all(), 'sign-in'],
    mutationFn: async ({ raw }: SignInInput) => {
      const token = parseTokenInput(raw)
      return { token, me: await getMe({ token }) }
    },
    onSuccess: ({ token, me }, { keepOnReload }) => {
      startSession(token, { keepOnReload })
      queryClient.setQueryData(meQueries.me().queryKey, me)
    },
    // The pasted secret is in this mutation's variables: drop it as soon as the page is gone.
    gcTime: 0,
  })
}
