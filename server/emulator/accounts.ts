import type { Scope } from './scopes.ts'

/** An OpenTrain account as `/auth/me` describes it (contract §4). */
export interface Account {
  id: string
  userId: string
  email: string
  firstName: string
  lastName: string
  userType: string
  kind: string
  organizationId: string | null
  memberRole: string
  /** The scope set of the account's printed token ("the account's full scope set"). */
  fullScopes: Scope[]
}

/** Which printed token an account owns: the demo account's or the second account's. */
export type PrintedRole = 'demo' | 'other'
