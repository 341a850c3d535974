import { useMutation, useQueryClient } from '@tanstack/react-query'
import { isSignedIn } from '../../session/api/session-store'
import type { CreateTokenRequest } from './create-api'
import { addToken } from './token-cache'
import { tokenQueries } from './token-queries'
import { createToken } from './create-api'

const createTokenKey = [...tokenQueries.all(), 'create'] as const

/**
 * Creates a token, puts the server's record into the cached list at once, then refetches the list.
 * The secret goes only to `onSecret`, never into the mutation's state, the cache or a log. Never
 * retried: a second POST would mint a second token.
 */
export function useCreateToken({ onSecret }: { onSecret: (secret: string) => void }) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: createTokenKey,
    mutationFn: async (request: CreateTokenRequest) => {
      const { secret, token } = await createToken(request)
      onSecret(secret)
      return token
    },
    onSuccess: (token) => {
      queryClient.setQueryData(tokenQueries.list().queryKey, (tokens) => addToken(tokens, token))
    },
    // After a failure too: a create whose answer was lost may have minted a token all the same.
    // Not once signed out (a 401): nothing may be sent with the old token.
    onSettled: () =>
      !isSignedIn() ? undefined : queryClient.invalidateQueries({ queryKey: tokenQueries.lists() }),
  })
}
