import { useMemo } from 'react'
import { useNowSelect } from '../../../lib/use-now'
import type { Token } from '../api/token-schema'
import { deriveTokenState, isStale, type TokenState } from './token-state'

interface TokenClockState {
  state: TokenState
  stale: boolean
}

/**
 * A row's state on the page clock. The clock is read through a text key, so a tick re-renders the
 * row only when its state, its days left or its staleness changes, not every 30 s.
 */
export function useTokenState(token: Token): TokenClockState {
  const key = useNowSelect((now) => clockStateKey(token, now))
  return useMemo(() => fromKey(token, key), [token, key])
}

function clockStateKey(token: Token, now: number): string {
  const state = deriveTokenState(token, now)
  const daysLeft = state.kind === 'expiring' ? state.daysLeft : ''
  return `${state.kind}|${daysLeft}|${isStale(token, now) ? 'stale' : ''}`
}

function fromKey(token: Token, key: string): TokenClockState {
  const [kind = '', daysLeft = '', stale = ''] = key.split('|')
  return { state: stateOf(token, kind, Number(daysLeft)), stale: stale === 'stale' }
}

function stateOf(token: Token, kind: string, daysLeft: number): TokenState {
  switch (kind) {
    case 'active':
    case 'expired':
    case 'revoked':
      return { kind }
    case 'expiring':
      return { kind, daysLeft }
    default:
      return { kind: 'unknown', status: token.status }
  }
}
