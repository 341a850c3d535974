import { useRef, useState } from 'react'
import { withOutcome, type ReviewOutcome, type ReviewRecord } from './review-record'
import { readRecord, writeRecord } from './review-record-store'

export interface ReviewRecordState {
  /** The last review applied in this browser for the account, or null. */
  record: ReviewRecord | null
  /** A review is applied: its record replaces the last one. */
  start: (record: ReviewRecord) => void
  /** One token's outcome came (a revoke's answer, a rotation done). */
  setOutcome: (id: string, outcome: ReviewOutcome) => void
}

/**
 * The applied review's record, kept in this browser (review-record-store.ts) as each outcome
 * comes: outcomes that arrive as the page signs out (the session's own token revoked last) are
 * still written down, since each is saved the moment it comes, not on the next render.
 */
export function useReviewRecord(accountId: string): ReviewRecordState {
  const [record, setRecord] = useState(() => readRecord(localStorage, accountId))
  const latest = useRef(record)
  const save = (next: ReviewRecord) => {
    latest.current = next
    writeRecord(localStorage, accountId, next)
    setRecord(next)
  }
  return {
    record,
    start: save,
    setOutcome: (id, outcome) => {
      if (latest.current) save(withOutcome(latest.current, id, outcome))
    },
  }
}
