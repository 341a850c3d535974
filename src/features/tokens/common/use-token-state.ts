import { useMemo } from 'react'
import { useNowSelect } from '../../../lib/time/use-now'
import type { Token } from '../api/token-schema'
import { deriveTokenState, isStale, type TokenState } from './token-state'

interface TokenClockState {
  state: TokenState
  stale: boolean
}

/**
 * A row's state on the page clock. Each part is read as a primitive, so a tick re-renders the row
 * only when its state, its days left or its staleness changes, not every 30 s.
 */
export function useTokenState(token: Token): TokenClockState {
  const kind = useNowSelect((now) => deriveTokenState(token, now).kind)
  const daysLeft = useNowSelect((now) => daysLeftOf(deriveTokenState(token, now)))
  const stale = useNowSelect((now) => isStale(token, now))
  return useMemo(
    () => ({ state: stateOf(token, kind, daysLeft), stale }),
    [token, kind, daysLeft, stale],
  )
}

function daysLeftOf(state: TokenState): number | null {
  return state.kind === 'expiring' ? state.daysLeft : null
}

function stateOf(token: Token, kind: TokenState['kind'], daysLeft: number | null): TokenState {
  if (kind === 'expiring') return { kind, daysLeft: daysLeft ?? 0 }
  if (kind === 'unknown') return { kind, status: token.status }
  return { kind }
}
