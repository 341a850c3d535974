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

export interface ScopeDescription {
  name: string
  /** What the scope allows, or `null` for a name this console's catalog does not know. */
  grants: string | null
  /** The `:read` scope of the same resource a `:write` scope also covers (§8), if any. */
  alsoCovers: string | null
}

export function describeScope(name: string): ScopeDescription {
  const grants = SCOPE_GRANTS.get(name) ?? null
  const read = name.endsWith(':write') ? `${name.slice(0, -':write'.length)}:read` : null
  return { name, grants, alsoCovers: read !== null && SCOPE_GRANTS.has(read) ? read : null }
}
