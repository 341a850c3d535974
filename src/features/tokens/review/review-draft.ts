import type { Decision } from './review-items'

/**
 * A review in progress, kept in this browser (localStorage) under the account's id until it is
 * applied or discarded: token ids, decisions and notes only, never a secret.
 */
export interface ReviewDraft {
  /** When the review was started, ms since the epoch. */
  startedAt: number
  /** The tokens that needed a decision then, to say what changed since. */
  tokenIds: string[]
  /** What the person chose; a token missing here has its suggestion, or no decision yet. */
  decisions: Record<string, Decision>
  notes: Record<string, string>
}

const KEY_PREFIX = 'ot_access_review:'
const DECISIONS: readonly string[] = ['keep', 'rotate', 'revoke']

function isStringRecord(
  value: unknown,
  allowed?: readonly string[],
): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every(
    (entry) => typeof entry === 'string' && (allowed === undefined || allowed.includes(entry)),
  )
}

function isDraft(value: unknown): value is ReviewDraft {
  if (typeof value !== 'object' || value === null) return false
  const draft = value as Record<string, unknown>
  return (
    Number.isFinite(draft.startedAt) &&
    Array.isArray(draft.tokenIds) &&
    draft.tokenIds.every((id) => typeof id === 'string') &&
    isStringRecord(draft.decisions, DECISIONS) &&
    isStringRecord(draft.notes)
  )
}

/** The draft for `accountId`, or `null` when there is none (or it cannot be read: it is dropped). */
export function readDraft(storage: Storage, accountId: string): ReviewDraft | null {
  const text = storage.getItem(KEY_PREFIX + accountId)
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    if (isDraft(value)) return value
  } catch {
    // Unreadable: as if there were none.
  }
  storage.removeItem(KEY_PREFIX + accountId)
  return null
}

/** Keeps `draft`; a full or blocked storage keeps it for this page's life only. */
export function writeDraft(storage: Storage, accountId: string, draft: ReviewDraft): void {
  try {
    storage.setItem(KEY_PREFIX + accountId, JSON.stringify(draft))
  } catch {
    // Quota or privacy settings: the review still works until the page is closed.
  }
}

export function discardDraft(storage: Storage, accountId: string): void {
  storage.removeItem(KEY_PREFIX + accountId)
}

/** Tokens that need a decision now but did not when the review started, and those gone since. */
export function changesSince(
  draft: ReviewDraft,
  currentIds: readonly string[],
): { added: string[]; gone: string[] } {
  const before = new Set(draft.tokenIds)
  const now = new Set(currentIds)
  return {
    added: currentIds.filter((id) => !before.has(id)),
    gone: draft.tokenIds.filter((id) => !now.has(id)),
  }
}
