import { announceLastReview, writeLastReview } from './last-review'
import { reviewRecordSchema, type ReviewRecord } from './review-record'

/** The last applied review's record, per account, kept in this browser until the next one. */
const KEY_PREFIX = 'ot_access_review_record:'

/** The record for `accountId`, or null when there is none or it cannot be read (it is dropped). */
export function readRecord(storage: Storage, accountId: string): ReviewRecord | null {
  const text = storage.getItem(KEY_PREFIX + accountId)
  if (text === null) return null
  try {
    const parsed = reviewRecordSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // Unreadable: as if there were none.
  }
  storage.removeItem(KEY_PREFIX + accountId)
  return null
}

/**
 * Keeps `record`, and when it was applied for the tokens page. A record too large for the storage
 * (thousands of tokens) lives for this page's life; the date is small and is kept regardless.
 */
export function writeRecord(storage: Storage, accountId: string, record: ReviewRecord): void {
  writeLastReview(storage, accountId, record.appliedAt)
  try {
    storage.setItem(KEY_PREFIX + accountId, JSON.stringify(record))
  } catch {
    storage.removeItem(KEY_PREFIX + accountId) // never an older review's record in its place
  }
  announceLastReview()
}
