import { beforeEach, describe, expect, it } from 'vitest'
import { MemoryStorage } from '../../../testing/memory-storage'
import { changesSince, discardDraft, readDraft, writeDraft, type ReviewDraft } from './review-draft'

const draft: ReviewDraft = {
  startedAt: Date.parse('2026-12-01T09:00:00Z'),
  tokenIds: ['tok_a', 'tok_b', 'tok_c'],
  decisions: { tok_a: 'keep', tok_b: 'revoke' },
  notes: { tok_b: 'Left the team in November' },
}

let storage: MemoryStorage
beforeEach(() => {
  storage = new MemoryStorage()
})

describe('the review draft', () => {
  it('is kept per account, with ids, decisions and notes only', () => {
    writeDraft(storage, 'org_1', draft)
    expect(readDraft(storage, 'org_1')).toEqual(draft)
    expect(readDraft(storage, 'org_2')).toBeNull()
    expect(JSON.parse(storage.getItem('ot_access_review:org_1') ?? '')).toEqual(draft)
  })

  it('is gone once discarded', () => {
    writeDraft(storage, 'org_1', draft)
    discardDraft(storage, 'org_1')
    expect(readDraft(storage, 'org_1')).toBeNull()
  })

  it.each([
    ['not JSON', '{'],
    ['an unknown decision', JSON.stringify({ ...draft, decisions: { tok_a: 'delete' } })],
    ['no start', JSON.stringify({ ...draft, startedAt: 'yesterday' })],
    ['ids that are not strings', JSON.stringify({ ...draft, tokenIds: [1, 2] })],
  ])('is dropped when what is stored is %s', (_, text) => {
    storage.setItem('ot_access_review:org_1', text)
    expect(readDraft(storage, 'org_1')).toBeNull()
    expect(storage.getItem('ot_access_review:org_1')).toBeNull()
  })

  it('does not throw when the storage is full', () => {
    storage.full = true
    expect(() => writeDraft(storage, 'org_1', draft)).not.toThrow()
  })

  it('says which tokens were added and which are gone since it started', () => {
    expect(changesSince(draft, ['tok_b', 'tok_c', 'tok_d'])).toEqual({
      added: ['tok_d'],
      gone: ['tok_a'],
    })
  })
})
