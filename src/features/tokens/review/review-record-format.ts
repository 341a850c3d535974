import { isoDay, isoWithOffset } from '../../../lib/time/iso-with-offset'
import { DECISION_LABELS } from './review-items'
import { outcomeText, type ReviewRecord } from './review-record'

export type RecordFormat = 'json' | 'markdown'

/** `access-review-2026-12-05.md`: the day it was applied, in the reviewer's zone. */
export function recordFileName(record: ReviewRecord, format: RecordFormat): string {
  return `access-review-${isoDay(record.appliedAt, record.timeZone)}.${format === 'json' ? 'json' : 'md'}`
}

/** "4 kept, 2 rotated, 1 rotation pending, 3 revoked, 1 failed": only the counts above zero. */
export function outcomeCounts(record: ReviewRecord): string {
  const count = (kinds: readonly string[]) =>
    record.tokens.filter((token) => kinds.includes(token.outcome.kind)).length
  const parts: [number, string][] = [
    [count(['kept']), 'kept'],
    [count(['rotated']), 'rotated'],
    [count(['rotation-pending']), 'rotation pending'],
    [count(['revoked', 'already-gone']), 'revoked'],
    [count(['failed']), 'failed'],
    [count(['not-sent']), 'not sent'],
  ]
  const said = parts.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`)
  return said.length > 0 ? said.join(', ') : 'no token'
}

/** The record as JSON: times in ISO 8601 with the reviewer's offset, each outcome as data. */
export function recordToJson(record: ReviewRecord): string {
  const at = (ms: number) => isoWithOffset(ms, record.timeZone)
  return `${JSON.stringify(
    {
      kind: 'opentrain-access-review',
      version: record.version,
      startedAt: at(record.startedAt),
      appliedAt: at(record.appliedAt),
      timeZone: record.timeZone,
      reviewer: record.reviewer,
      summary: outcomeCounts(record),
      tokens: record.tokens.map((token) => ({
        id: token.id,
        name: token.name,
        preview: token.preview,
        scopes: token.scopes,
        createdAt: token.createdAt,
        lastUsedAt: token.lastUsedAt,
        expiresAt: token.expiresAt,
        flags: token.flags,
        decision: token.decision,
        note: token.note,
        outcome: { ...token.outcome, text: outcomeText(token.outcome) },
      })),
      goneBeforeApply: record.goneBeforeApply,
    },
    null,
    2,
  )}\n`
}

/**
 * Text from the API or the reviewer, safe in a Markdown table cell: Markdown's own characters
 * escaped (a token named `**x**` or `<img>` stays text), line breaks as spaces, pipes escaped.
 */
export function markdownText(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|#!~&]/g, (c) => `\\${c}`)
}

/** A readable page an auditor can file: who, when, the counts, then one table row per token. */
export function recordToMarkdown(record: ReviewRecord): string {
  const at = (ms: number) => isoWithOffset(ms, record.timeZone)
  const { reviewer } = record
  const lines = [
    '# Access review record',
    '',
    `- Started: ${at(record.startedAt)}`,
    `- Applied: ${at(record.appliedAt)} (${markdownText(record.timeZone)})`,
    `- Reviewer: ${markdownText(reviewer.tokenName)} (token ${markdownText(reviewer.tokenId)}), account ${markdownText(reviewer.accountId)}`,
    `- Tokens reviewed: ${record.tokens.length}: ${outcomeCounts(record)}`,
    '',
    '## Tokens',
    '',
    '| Token | Id | Preview | Scopes | Created | Last used | Expires | Flags | Decision | Note | Outcome |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...record.tokens.map((token) =>
      [
        token.name,
        token.id,
        token.preview,
        token.scopes.join(', ') || 'none',
        token.createdAt,
        token.lastUsedAt ?? 'never',
        token.expiresAt ?? 'never',
        token.flags.join('; ') || 'none',
        DECISION_LABELS[token.decision],
        token.note,
        outcomeText(token.outcome),
      ]
        .map((cell) => ` ${markdownText(cell)} `)
        .join('|')
        .replace(/^/, '|')
        .concat('|'),
    ),
  ]
  if (record.goneBeforeApply.length > 0) {
    lines.push(
      '',
      '## Gone before the review was applied',
      '',
      'Active when the review started, revoked or deleted elsewhere before it was applied:',
      '',
      ...record.goneBeforeApply.map((id) => `- ${markdownText(id)}`),
    )
  }
  lines.push(
    '',
    `No token secret is in this record: OpenTrain shows a secret once, at creation.`,
    '',
  )
  return lines.join('\n')
}
