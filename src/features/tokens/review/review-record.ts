import { z } from 'zod/mini'
import { withPreviews } from '../../../lib/text/token-format'
import { describeRevokeError } from '../revoke/describe-revoke-error'
import type { BulkRevokeResult } from '../bulk-revoke/bulk-revoke-runner'
import { flagText } from './review-flags'
import type { Decision, ReviewItem } from './review-items'

/** What came of a decision: what an auditor reads in the record's last column. */
const outcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kept') }),
  z.object({ kind: z.literal('revoked'), revokedAt: z.nullable(z.string()) }),
  /** DELETE answered 404: revoked or deleted before this review got to it (D3, D4). */
  z.object({ kind: z.literal('already-gone'), requestId: z.nullable(z.string()) }),
  z.object({
    kind: z.literal('failed'),
    reason: z.string(),
    requestId: z.nullable(z.string()),
  }),
  /** Stopped before it was sent, held back by a failure, or the session's own token left out. */
  z.object({ kind: z.literal('not-sent') }),
  z.object({ kind: z.literal('rotation-pending') }),
  z.object({ kind: z.literal('rotated'), replacementId: z.string() }),
])
export type ReviewOutcome = z.infer<typeof outcomeSchema>

const recordedTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  preview: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  expiresAt: z.nullable(z.string()),
  /** Why the token was flagged, in the words the review showed. */
  flags: z.array(z.string()),
  decision: z.enum(['keep', 'rotate', 'revoke']),
  note: z.string(),
  outcome: outcomeSchema,
})
export type RecordedToken = z.infer<typeof recordedTokenSchema>

/**
 * An applied review, as kept in this browser and written to the downloaded record: metadata,
 * decisions, notes and outcomes, never a secret (the token list holds none).
 */
export const reviewRecordSchema = z.object({
  version: z.literal(1),
  startedAt: z.number(),
  appliedAt: z.number(),
  /** The reviewer's zone (IANA), in which the record writes its times. */
  timeZone: z.string(),
  reviewer: z.object({ tokenId: z.string(), tokenName: z.string(), accountId: z.string() }),
  /** Every token active when the review was applied, in the review's order. */
  tokens: z.array(recordedTokenSchema),
  /** Active when the review started, but revoked or deleted elsewhere before it was applied. */
  goneBeforeApply: z.array(z.string()),
})
export type ReviewRecord = z.infer<typeof reviewRecordSchema>

const FIRST_OUTCOME: Readonly<Record<Decision, ReviewOutcome>> = {
  keep: { kind: 'kept' },
  rotate: { kind: 'rotation-pending' },
  revoke: { kind: 'not-sent' },
}

export interface RecordStart {
  items: readonly ReviewItem[]
  decisions: ReadonlyMap<string, Decision>
  notes: Readonly<Record<string, string>>
  startedAt: number
  /** Now, unless a test says otherwise. */
  appliedAt?: number
  timeZone: string
  reviewer: ReviewRecord['reviewer']
  goneBeforeApply: readonly string[]
  /** When the flags were worked out (the review's opening): their words say days from then. */
  flaggedAt: number
}

/**
 * The record as the review is applied: every decided token, kept and rotate-pending at once, the
 * revokes not sent until their answers come (`withOutcome`).
 */
export function startRecord(start: RecordStart): ReviewRecord {
  return {
    version: 1,
    startedAt: start.startedAt,
    appliedAt: start.appliedAt ?? Date.now(),
    timeZone: start.timeZone,
    reviewer: { ...start.reviewer },
    tokens: start.items.flatMap(({ token, flags }) => {
      const decision = start.decisions.get(token.id)
      if (decision === undefined) return []
      return [
        {
          id: token.id,
          name: token.name,
          preview: token.preview,
          scopes: [...token.scopes],
          createdAt: token.createdAt,
          lastUsedAt: token.lastUsedAt,
          expiresAt: token.expiresAt,
          flags: flags.map((flag) => flagText(flag, token, start.flaggedAt)),
          decision,
          // The note field keeps secrets out; a draft from before it did is mended here.
          note: withPreviews(start.notes[token.id] ?? ''),
          outcome: FIRST_OUTCOME[decision],
        },
      ]
    }),
    goneBeforeApply: [...start.goneBeforeApply],
  }
}

export function withOutcome(
  record: ReviewRecord,
  id: string,
  outcome: ReviewOutcome,
): ReviewRecord {
  return {
    ...record,
    tokens: record.tokens.map((token) => (token.id === id ? { ...token, outcome } : token)),
  }
}

/** A revoke's result as the record says it: the failure's reason and request id, never more. */
export function outcomeOfRevoke(result: BulkRevokeResult, name: string): ReviewOutcome {
  switch (result.kind) {
    case 'revoked':
      return { kind: 'revoked', revokedAt: result.token.revokedAt }
    case 'already-gone':
      return { kind: 'already-gone', requestId: result.requestId }
    case 'failed': {
      const copy = describeRevokeError(result.error, name)
      return { kind: 'failed', reason: copy.description, requestId: copy.requestId }
    }
    case 'cancelled':
      return { kind: 'not-sent' }
  }
}

/** The revokes still to do: failed or never sent. */
export function unfinishedRevokes(record: ReviewRecord): RecordedToken[] {
  return record.tokens.filter(
    (token) =>
      token.decision === 'revoke' &&
      (token.outcome.kind === 'failed' || token.outcome.kind === 'not-sent'),
  )
}

/** "Revoked", "Failed: … (request id req_1)": one outcome in words, for the page and the files. */
export function outcomeText(outcome: ReviewOutcome): string {
  switch (outcome.kind) {
    case 'kept':
      return 'Kept'
    case 'revoked':
      return 'Revoked'
    case 'already-gone':
      return `Already revoked or gone${outcome.requestId ? ` (request id ${outcome.requestId})` : ''}`
    case 'failed':
      return `Revoke failed: ${outcome.reason}${outcome.requestId ? ` (request id ${outcome.requestId})` : ''}`
    case 'not-sent':
      return 'Not revoked: not sent'
    case 'rotation-pending':
      return 'Rotation pending'
    case 'rotated':
      return `Rotated: replaced by ${outcome.replacementId}`
  }
}
