import { useEffect, useState } from 'react'
import { discardDraft, readDraft, writeDraft, type ReviewDraft } from './review-draft'
import type { Decision, ReviewItem } from './review-items'

export interface ReviewState {
  draft: ReviewDraft
  /** What each token would get now: the person's choice, else its suggestion, else none. */
  decisionOf: (item: ReviewItem) => Decision | null
  /** The suggestion still stands: nothing was chosen for this token. */
  isSuggested: (item: ReviewItem) => boolean
  choose: (id: string, decision: Decision) => void
  setNote: (id: string, note: string) => void
  /** Forgets every decision and note, and starts again. */
  discard: () => void
}

const fresh = (items: readonly ReviewItem[]): ReviewDraft => ({
  startedAt: Date.now(),
  tokenIds: items.map((item) => item.token.id),
  decisions: {},
  notes: {},
})

/**
 * The review of `accountId`'s tokens, kept in localStorage (review-draft.ts) from the first
 * decision or note until it is discarded; a review started earlier picks up where it was left.
 */
export function useReview(accountId: string, items: readonly ReviewItem[]): ReviewState {
  const [draft, setDraft] = useState(() => readDraft(localStorage, accountId) ?? fresh(items))
  const touched = Object.keys(draft.decisions).length > 0 || Object.keys(draft.notes).length > 0
  useEffect(() => {
    if (touched) writeDraft(localStorage, accountId, draft)
  }, [accountId, draft, touched])

  const decisionOf = (item: ReviewItem) => draft.decisions[item.token.id] ?? item.suggestion
  return {
    draft,
    decisionOf,
    isSuggested: (item) => item.suggestion !== null && draft.decisions[item.token.id] === undefined,
    choose: (id, decision) =>
      setDraft((current) => ({ ...current, decisions: { ...current.decisions, [id]: decision } })),
    setNote: (id, note) =>
      setDraft((current) => {
        const notes = { ...current.notes, [id]: note }
        if (note === '') delete notes[id]
        return { ...current, notes }
      }),
    discard: () => {
      discardDraft(localStorage, accountId)
      setDraft(fresh(items))
    },
  }
}
