// The API's JSON shapes (contract §2-§6). One copy on the Node side: the emulator's responses are
// checked against them at compile time (its own records narrow them), and its tests, the e2e suite
// and the benchmarks read responses as them. The browser app has its own zod schemas, because it
// must validate what a real server sends rather than trust it.

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

/** `GET /tokens` (§3.1). */
export interface WireTokenList {
  tokens: WireToken[]
}

/** `POST /tokens` (§3.2): the plaintext, shown this once, and the new record. */
export interface WireCreated {
  token: string
  tokenType: string
  metadata: WireToken
}

/** `DELETE /tokens/{tokenId}` (§3.3). */
export interface WireRevoked {
  token: WireToken
}

/** `GET /auth/me` (§4). */
export interface WireMe {
  actor: Record<string, string>
  token: { id: string; label: string; scopes: string[]; ownerOrganizationId: string | null }
  account: Record<string, string | null>
}

/** The error envelope of every `/api/public/v1` failure (§6). */
export interface WireError {
  error: string
  code: string
  requestId: string
  details?: Record<string, unknown>
}

/** An `/api/agent/*` failure, in the OAuth shape (§5.4, D26). */
export interface WireOAuthError {
  error: string
  error_description?: string
}
