/**
 * At most this many active tokens per account (contract §3.2, D5). Revoked and expired tokens do
 * not count. The one place the number lives: the create route enforces it, the seed stays under it,
 * and the tests and benchmarks that fill an account read it from here.
 */
export const ACTIVE_TOKEN_CAP = 25
