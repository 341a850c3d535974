import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../lib/http/api-error'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import type { Decision } from './review-items'
import { reviewItems } from './review-items'
import { outcomeOfRevoke, startRecord, unfinishedRevokes, withOutcome } from './review-record'
import {
  markdownText,
  recordFileName,
  recordToJson,
  recordToMarkdown,
} from './review-record-format'
import { readRecord, writeRecord } from './review-record-store'
import { readLastReview } from './last-review'
import { MemoryStorage } from '../../../testing/memory-storage'

const startedAt = Date.parse('2026-12-01T08:30:00Z')
const appliedAt = Date.parse('2026-12-05T23:30:00Z')

const tokens = [
  buildToken({ id: 'tok_never', name: 'Never | used *bold*', lastUsedAt: null }),
  buildToken({ id: 'tok_old', name: 'Old sync', lastUsedAt: daysAgo(200, appliedAt) }),
  buildToken({
    id: 'tok_writer',
    name: 'Writer',
    lastUsedAt: daysAgo(1, appliedAt),
    scopes: ['jobs:read', 'jobs:write'],
    expiresAt: '2027-03-01T00:00:00.000Z',
  }),
  buildToken({ id: 'tok_me', name: 'Console', lastUsedAt: daysAgo(0, appliedAt) }),
]

const startOf = (from: ReturnType<typeof record>) => ({
  startedAt: from.startedAt,
  appliedAt: from.appliedAt,
  timeZone: from.timeZone,
  reviewer: from.reviewer,
  goneBeforeApply: from.goneBeforeApply,
  flaggedAt: appliedAt,
})

function record() {
  const items = reviewItems(tokens, 'tok_me', appliedAt)
  const decisions = new Map<string, Decision>([
    ['tok_never', 'revoke'],
    ['tok_old', 'revoke'],
    ['tok_writer', 'rotate'],
    ['tok_me', 'keep'],
  ])
  return startRecord({
    items,
    decisions,
    notes: { tok_writer: 'CI moves to OIDC\nnext quarter' },
    startedAt,
    appliedAt,
    timeZone: 'Europe/Berlin',
    reviewer: { tokenId: 'tok_me', tokenName: 'Console', accountId: 'org_acme' },
    goneBeforeApply: ['tok_deleted'],
    flaggedAt: appliedAt,
  })
}

describe('the review record', () => {
  it('starts with every decided token: kept, rotation pending, revokes not sent yet', () => {
    const start = record()
    expect(start.tokens.map((token) => [token.id, token.decision, token.outcome.kind])).toEqual([
      ['tok_never', 'revoke', 'not-sent'],
      ['tok_old', 'revoke', 'not-sent'],
      ['tok_writer', 'rotate', 'rotation-pending'],
      ['tok_me', 'keep', 'kept'],
    ])
    expect(start.tokens[0]?.flags.join()).toMatch(/never used/i)
    expect(start.tokens[2]?.flags).toContain('Can change data (a write or webhook scope)')
    expect(unfinishedRevokes(start).map((token) => token.id)).toEqual(['tok_never', 'tok_old'])
  })

  it('takes each revoke’s answer: revoked, or failed with its reason and request id', () => {
    const failure = new ApiError({
      status: 500,
      code: 'INTERNAL',
      message: 'Database unavailable',
      requestId: 'req_500',
      fromServer: true,
    })
    const revoked = buildToken({
      ...tokens[0]!,
      status: 'revoked',
      revokedAt: '2026-12-05T23:30:01Z',
    })
    let after = withOutcome(
      record(),
      'tok_never',
      outcomeOfRevoke({ id: 'tok_never', kind: 'revoked', token: revoked }, 'x'),
    )
    after = withOutcome(
      after,
      'tok_old',
      outcomeOfRevoke({ id: 'tok_old', kind: 'failed', error: failure }, 'Old sync'),
    )
    after = withOutcome(after, 'tok_writer', { kind: 'rotated', replacementId: 'tok_new' })
    expect(after.tokens.map((token) => token.outcome)).toEqual([
      { kind: 'revoked', revokedAt: '2026-12-05T23:30:01Z' },
      { kind: 'failed', reason: 'Server said: Database unavailable.', requestId: 'req_500' },
      { kind: 'rotated', replacementId: 'tok_new' },
      { kind: 'kept' },
    ])
    expect(unfinishedRevokes(after).map((token) => token.id)).toEqual(['tok_old'])
  })

  it('writes JSON with times in ISO 8601 and the reviewer’s offset, and every token', () => {
    const json = JSON.parse(recordToJson(record())) as Record<string, unknown>
    expect(json).toMatchObject({
      kind: 'opentrain-access-review',
      startedAt: '2026-12-01T09:30:00+01:00',
      appliedAt: '2026-12-06T00:30:00+01:00',
      timeZone: 'Europe/Berlin',
      reviewer: { tokenId: 'tok_me', tokenName: 'Console', accountId: 'org_acme' },
      goneBeforeApply: ['tok_deleted'],
    })
    const rows = json.tokens as Record<string, unknown>[]
    expect(rows.map((row) => row.id)).toEqual(['tok_never', 'tok_old', 'tok_writer', 'tok_me'])
    expect(rows[2]).toMatchObject({
      name: 'Writer',
      preview: tokens[2]?.preview,
      scopes: ['jobs:read', 'jobs:write'],
      createdAt: tokens[2]?.createdAt,
      lastUsedAt: tokens[2]?.lastUsedAt,
      expiresAt: '2027-03-01T00:00:00.000Z',
      decision: 'rotate',
      note: 'CI moves to OIDC\nnext quarter',
      outcome: { kind: 'rotation-pending', text: 'Rotation pending' },
    })
  })

  it('writes Markdown an auditor can read, with the API’s text escaped', () => {
    const markdown = recordToMarkdown(record())
    expect(markdown).toContain('- Started: 2026-12-01T09:30:00+01:00')
    expect(markdown).toContain('- Applied: 2026-12-06T00:30:00+01:00 (Europe/Berlin)')
    expect(markdown).toContain('- Reviewer: Console (token tok\\_me), account org\\_acme')
    expect(markdown).toContain('- Tokens reviewed: 4: 1 kept, 1 rotation pending, 2 not sent')
    // One header, one separator, one line per token, each with 11 cells.
    const table = markdown.split('\n').filter((line) => line.startsWith('|'))
    expect(table).toHaveLength(6)
    for (const line of table) expect(line.split(/(?<!\\)\|/).length - 2).toBe(11)
    expect(markdown).toContain('Never \\| used \\*bold\\*')
    expect(markdown).toContain('CI moves to OIDC next quarter')
    expect(markdown).toContain('- tok\\_deleted')
    expect(markdownText('<img src=x>')).toBe('\\<img src=x\\>')
  })

  it('names the file after the day it was applied, in the reviewer’s zone', () => {
    expect(recordFileName(record(), 'json')).toBe('access-review-2026-12-06.json')
    expect(recordFileName(record(), 'markdown')).toBe('access-review-2026-12-06.md')
  })

  it('never carries a secret, even one pasted into a note of an older draft', () => {
    const secret = `ot_pat_A1b2C3d4_${'x9Y8'.repeat(8)}`
    const items = reviewItems(tokens, 'tok_me', appliedAt)
    const withSecret = startRecord({
      ...startOf(record()),
      items,
      decisions: new Map([['tok_old', 'keep' as const]]),
      notes: { tok_old: `moved to ${secret}` },
    })
    expect(withSecret.tokens[0]?.note).toMatch(/^moved to ot_pat_A1b2\*+x9Y8$/)
    for (const file of [recordToJson(withSecret), recordToMarkdown(withSecret)]) {
      expect(file).not.toContain(secret)
      expect(file).not.toContain('x9Y8x9Y8')
    }
  })

  it('is kept per account with when it was applied; an unreadable one is dropped', () => {
    const localStorage = new MemoryStorage()
    const start = record()
    writeRecord(localStorage, 'org_acme', start)
    expect(readRecord(localStorage, 'org_acme')).toEqual(start)
    expect(readLastReview(localStorage, 'org_acme')).toBe(appliedAt)
    expect(readRecord(localStorage, 'org_other')).toBeNull()
    localStorage.setItem('ot_access_review_record:org_acme', '{"version":2}')
    expect(readRecord(localStorage, 'org_acme')).toBeNull()
    expect(localStorage.getItem('ot_access_review_record:org_acme')).toBeNull()
  })
})
