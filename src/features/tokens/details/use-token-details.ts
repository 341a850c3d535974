import { getRouteApi, useRouter } from '@tanstack/react-router'
import { useMemo, useRef } from 'react'
import type { Token } from '../api/token-schema'

const route = getRouteApi('/tokens')

/**
 * The details drawer's state, which lives in the URL (`?details=<id>`) so a link can open it and
 * Back closes it. Opening from a name is a history entry; closing one opened here goes back, so
 * Back never reopens what was just closed. (The drawer gives focus back to the token's name.)
 */
export function useTokenDetails(requestedId: string, tokens: readonly Token[]) {
  const navigate = route.useNavigate()
  const router = useRouter()
  const openedHere = useRef(false)
  const token = useMemo(
    () => (requestedId === '' ? undefined : tokens.find((each) => each.id === requestedId)),
    [tokens, requestedId],
  )
  return {
    open: (id: string) => {
      openedHere.current = true
      void navigate({ search: (previous) => ({ ...previous, details: id }) })
    },
    drawer: {
      requestedId,
      token,
      onClose: () => {
        if (openedHere.current) {
          openedHere.current = false
          router.history.back()
        } else {
          void navigate({ search: (previous) => ({ ...previous, details: '' }), replace: true })
        }
      },
    },
  }
}
