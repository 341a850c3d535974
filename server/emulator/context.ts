import type { Account } from './accounts.ts'
import type { RateLimiter } from './rate-limit.ts'
import type { Store } from './store.ts'
import type { TokenRow } from './token-record.ts'

/** Who is calling: the authenticated token and its account. */
interface Caller {
  account: Account
  token: TokenRow
}

export interface EmulatorEnv {
  Variables: {
    requestId: string
    caller: Caller
    body: Uint8Array
  }
}

/** What the routes need: the store, the clock (epoch ms) and the optional rate limiter. */
export interface EmulatorDeps {
  store: Store
  nowMs: () => number
  rateLimiter: RateLimiter | undefined
}
