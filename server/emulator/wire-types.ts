// The API's JSON shapes as the emulator's tests, the e2e suite and the benchmarks read them
// (docs/api-contract.md §2, §3, §4, §6). One copy for every Node-side reader; the browser app has its
// own zod schemas, because it must validate what a real server sends rather than trust it.

/** A token record (§2). */
export interface WireToken {
  id: string
  name: string
  preview: string
  scopes: string[]
  status: string
  organizationId: string | null
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

export interface WireError {
  error: string
  code: string
  requestId: string
  details?: Record<string, unknown>
}

export interface WireCreated {
  token: string
  tokenType: string
  metadata: WireToken
}

export interface WireMe {
  actor: Record<string, string>
  token: { id: string; label: string; scopes: string[]; ownerOrganizationId: string | null }
  account: Record<string, string | null>
}
