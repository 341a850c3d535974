/**
 * The Public API's scope catalog (docs/api-contract.md §8), in catalog order, with what each grants
 * in the docs' words. The API may send names that are not here: the console shows those as sent.
 */
const SCOPE_GRANTS: ReadonlyMap<string, string> = new Map([
  ['jobs:read', 'Read your own jobs and drafts'],
  ['jobs:write', 'Create, update, publish and close jobs and drafts; invite AI trainers'],
  ['proposals:read', 'Read proposals, interview transcripts, AI-trainer profiles'],
  ['proposals:write', 'Hire; start pre-hire conversations'],
  ['messages:read', 'Read conversations and messages'],
  ['messages:write', 'Send messages'],
  ['payments:read', 'Read contracts, milestones, approvals, credits, pending payments'],
  ['payments:write', 'Create, fund and approve milestones; end contracts; create credit top-ups'],
  ['team:read', 'Read team members'],
  ['team:write', 'Invite team members'],
  ['webhooks:manage', 'Create, list and delete webhook subscriptions'],
])

/** Every scope of the catalog, in catalog order. */
export const CATALOG_SCOPES: readonly string[] = [...SCOPE_GRANTS.keys()]

/** "jobs" for `jobs:read`: the resource a scope is about. */
export function resourceOf(scope: string): string {
  const colon = scope.indexOf(':')
  return colon < 0 ? scope : scope.slice(0, colon)
}

/** The `:read` scope of the same resource that a `:write` scope covers (§8), or null. */
export function impliedRead(scope: string): string | null {
  if (!scope.endsWith(':write')) return null
  const read = `${resourceOf(scope)}:read`
  return SCOPE_GRANTS.has(read) ? read : null
}

/**
 * Whether holding `held` lets a token mint `scope` (§3.2, no escalation): holding it, or holding
 * the `:write` scope of the same resource for a `:read` one. `webhooks:manage` covers only itself.
 */
export function covers(held: readonly string[], scope: string): boolean {
  if (held.includes(scope)) return true
  return scope.endsWith(':read') && held.includes(`${resourceOf(scope)}:write`)
}

export interface ScopeDescription {
  name: string
  /** What the scope allows, or `null` for a name this console's catalog does not know. */
  grants: string | null
  /** The `:read` scope of the same resource a `:write` scope also covers (§8), if any. */
  alsoCovers: string | null
}

export function describeScope(name: string): ScopeDescription {
  return { name, grants: SCOPE_GRANTS.get(name) ?? null, alsoCovers: impliedRead(name) }
}
