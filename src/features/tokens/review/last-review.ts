import { useSyncExternalStore } from 'react'
import type { Me } from '../../session/api/me-schema'

/**
 * When this browser last applied an access review for an account: a small entry of its own, so
 * the tokens page reads it without the record (which may be large) or its schema.
 */
const KEY_PREFIX = 'ot_access_review_last:'

/** Past this, the tokens page nudges towards a new review (a quarterly review, with slack). */
export const REVIEW_DUE_AFTER_DAYS = 90

/** Reviews are kept per account: the organization, or the user's own tokens. */
export function reviewAccountId(me: Me): string {
  return me.account?.organizationId ?? me.actor.userId
}

export function writeLastReview(storage: Storage, accountId: string, appliedAt: number): void {
  try {
    storage.setItem(KEY_PREFIX + accountId, JSON.stringify({ appliedAt }))
  } catch {
    // A full or blocked storage: the tokens page just does not say it.
  }
}

export function readLastReview(storage: Storage, accountId: string): number | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY_PREFIX + accountId) ?? 'null')
    if (typeof value !== 'object' || value === null || !('appliedAt' in value)) return null
    return Number.isFinite(value.appliedAt) ? Number(value.appliedAt) : null
  } catch {
    return null
  }
}

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Another tab applied a review: its `storage` event says so.
  window.addEventListener('storage', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', listener)
  }
}

/** Tells this tab's readers that a review was applied here (`storage` only fires in the others). */
export function announceLastReview(): void {
  for (const listener of listeners) listener()
}

/**
 * When `accountId`'s last review was applied in this browser, or null. A server render has no
 * browser storage: it (and the hydration that follows it) says nothing, then the browser fills in.
 */
export function useLastReview(accountId: string): number | null {
  return useSyncExternalStore(
    subscribe,
    () => readLastReview(localStorage, accountId),
    () => null,
  )
}
