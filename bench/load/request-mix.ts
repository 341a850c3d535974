// What each simulated client asks for, and how often: what people using the console cause. Mostly
// the two calls every view makes, some page loads, and a few create + revoke pairs, paced so the
// shared demo account never reaches its 25-active-token cap and its list grows by little.
import { performance } from 'node:perf_hooks'
import { ACTIVE_TOKEN_CAP } from '../../server/emulator/token-limits.ts'

/** The reads, one of which a client sends whenever no create + revoke pair is due. */
export type ReadKind = 'list' | 'me' | 'page' | 'asset' | 'config'
/** One kind of request; a create + revoke pair is two kinds, timed apart. */
export type RequestKind = ReadKind | 'create' | 'revoke'

export const KIND_LABELS: Readonly<Record<RequestKind, string>> = {
  list: 'GET /api/public/v1/tokens',
  me: 'GET /api/public/v1/auth/me',
  page: 'GET / (index.html)',
  asset: "GET /assets/* (index.html's JS, CSS)",
  config: 'GET /console-config.json',
  create: 'POST /api/public/v1/tokens',
  revoke: 'DELETE /api/public/v1/tokens/{id}',
}

/** How often each read is drawn, in percent. */
const READ_WEIGHTS: ReadonlyArray<readonly [ReadKind, number]> = [
  ['list', 48],
  ['me', 36],
  ['page', 6],
  ['asset', 6],
  ['config', 4],
]
const READ_TOTAL = READ_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0)

export function drawRead(random: () => number = Math.random): ReadKind {
  let ticket = random() * READ_TOTAL
  for (const [kind, weight] of READ_WEIGHTS) {
    ticket -= weight
    if (ticket < 0) return kind
  }
  return 'list'
}

/**
 * Paces create + revoke pairs across all clients: at most `perSecond` started a second (each leaves
 * a revoked row in the list every client reads), never more in flight than the account's free
 * slots under the cap, so no create meets the 409 (D5).
 */
export interface PairGate {
  /** True when a pair may start now (the caller must then call `done` when it has finished). */
  tryStart: () => boolean
  done: () => void
  started: () => number
}

export function pairGate(activeTokens: number, perSecond: number): PairGate {
  const freeSlots = ACTIVE_TOKEN_CAP - activeTokens
  const intervalMs = 1000 / perSecond
  let nextAt = performance.now()
  let inFlight = 0
  let started = 0
  return {
    tryStart: () => {
      const now = performance.now()
      if (now < nextAt || inFlight >= freeSlots) return false
      // From now, not from when it was due: no burst to catch up after a wait for a free slot.
      nextAt = now + intervalMs
      inFlight += 1
      started += 1
      return true
    },
    done: () => {
      inFlight -= 1
    },
    started: () => started,
  }
}
