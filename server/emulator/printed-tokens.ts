import type { PrintedRole } from './accounts.ts'
import type { Store } from './store.ts'
import { newTokenRow } from './token-record.ts'
import { tokenStatus } from './token-status.ts'
import { DEMO_ACCOUNT, OTHER_ACCOUNT } from './seed.ts'

const PRINTED_TOKEN_NAME = 'Demo token'

/**
 * Returns the printed token of `role`, minting a fresh `Demo token` (the account's full scope
 * set, exempt from the cap) when there is none yet or the stored one was revoked or has expired.
 */
export function ensurePrintedToken(store: Store, role: PrintedRole, nowMs: number): string {
  const accountId = role === 'demo' ? DEMO_ACCOUNT.id : OTHER_ACCOUNT.id
  const printed = store.getPrinted(role)
  if (printed !== undefined) {
    const row = store.findTokenById(printed.tokenId)
    if (row !== undefined && tokenStatus(row, nowMs) === 'active') return printed.plaintext
  }
  const account = store.getAccount(accountId)
  if (account === undefined) throw new Error(`The emulator db has no account ${accountId}.`)
  const { row, token } = newTokenRow({
    accountId,
    name: PRINTED_TOKEN_NAME,
    scopes: account.fullScopes,
    organizationId: null,
    createdAt: nowMs,
  })
  store.insertPrintedToken(role, row, token)
  return token
}
