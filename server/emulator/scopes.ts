/** The Public API scope catalog (contract §8), in catalog order. */
export const SCOPE_CATALOG = [
  'jobs:read',
  'jobs:write',
  'proposals:read',
  'proposals:write',
  'messages:read',
  'messages:write',
  'payments:read',
  'payments:write',
  'team:read',
  'team:write',
  'webhooks:manage',
] as const

export type Scope = (typeof SCOPE_CATALOG)[number]

const catalogIndex = new Map<string, number>(SCOPE_CATALOG.map((scope, index) => [scope, index]))

export function isScope(value: string): value is Scope {
  return catalogIndex.has(value)
}

/** Drops duplicates and returns the scopes in catalog order. */
export function normalizeScopes(scopes: readonly Scope[]): Scope[] {
  return SCOPE_CATALOG.filter((scope) => scopes.includes(scope))
}

/**
 * Whether a caller holding `granted` may hand out `scope` (no escalation):
 * a scope covers itself, and `X:write` also covers `X:read`. `webhooks:manage` covers only itself.
 */
export function covers(granted: readonly Scope[], scope: Scope): boolean {
  if (granted.includes(scope)) return true
  if (scope.endsWith(':read')) {
    const write = `${scope.slice(0, -':read'.length)}:write`
    return isScope(write) && granted.includes(write)
  }
  return false
}

/** The requested scopes that `granted` does not cover, in catalog order. */
export function deniedScopes(granted: readonly Scope[], requested: readonly Scope[]): Scope[] {
  return normalizeScopes(requested.filter((scope) => !covers(granted, scope)))
}

/** Parses a stored scope list (JSON text); unknown names are dropped. */
export function parseStoredScopes(json: string): Scope[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) return []
  return normalizeScopes(
    parsed.filter((value): value is Scope => typeof value === 'string' && isScope(value)),
  )
}
