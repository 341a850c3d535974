import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import {
  assessRevokeRisk,
  confirmationPhrase,
  LONGEST_TYPED_NAME,
  typedPhraseMatches,
} from './revoke-risk'

const NOW = Date.parse('2026-11-28T12:00:00.000Z')
const risk = (overrides: Parameters<typeof buildToken>[0], isSessionToken = false) =>
  assessRevokeRisk(buildToken(overrides), { isSessionToken, now: NOW })

describe('assessRevokeRisk', () => {
  it('always asks for the name of the session’s own token', () => {
    expect(risk({ id: 'a', lastUsedAt: null }, true)).toEqual({
      typeToConfirm: true,
      reasons: ['current-session'],
    })
  })

  it('asks for the name after use in the last 24 hours', () => {
    expect(risk({ id: 'a', lastUsedAt: daysAgo(0.5, NOW) })).toEqual({
      typeToConfirm: true,
      reasons: ['used-recently'],
    })
    expect(risk({ id: 'a', lastUsedAt: daysAgo(2, NOW) }).typeToConfirm).toBe(false)
  })

  it('asks for the name when a write or webhook scope is held', () => {
    expect(
      risk({ id: 'a', lastUsedAt: daysAgo(30, NOW), scopes: ['jobs:read', 'payments:write'] })
        .reasons,
    ).toEqual(['write-scopes'])
    expect(
      risk({ id: 'a', lastUsedAt: daysAgo(30, NOW), scopes: ['webhooks:manage'] }).typeToConfirm,
    ).toBe(true)
  })

  it('needs only the click for never-used and expired tokens, whatever their scopes', () => {
    expect(risk({ id: 'a', lastUsedAt: null, scopes: ['jobs:write'] }).typeToConfirm).toBe(false)
    expect(
      risk({
        id: 'a',
        lastUsedAt: daysAgo(0.1, NOW),
        scopes: ['jobs:write'],
        expiresAt: daysAgo(0.05, NOW),
      }).typeToConfirm,
    ).toBe(false)
  })
})

describe('confirmationPhrase', () => {
  const LONG = 'Nightly data-warehouse sync for the analytics team: jobs, proposals and payments'

  it('asks for the name while it is short enough to type', () => {
    const name = 'x'.repeat(LONGEST_TYPED_NAME)
    expect(confirmationPhrase(buildToken({ id: 'a', name: ` ${name} ` }))).toEqual({
      text: name,
      kind: 'name',
    })
  })

  it('asks for the last 4 characters of the preview instead of a long name', () => {
    const token = buildToken({ id: 'a', name: LONG, preview: 'ot_pat_c3f9********bd21' })
    expect(confirmationPhrase(token)).toEqual({ text: 'bd21', kind: 'preview-end' })
  })

  it('counts characters, not UTF-16 units, and falls back to the name for an odd preview', () => {
    const emoji = '🚀'.repeat(LONGEST_TYPED_NAME)
    expect(confirmationPhrase(buildToken({ id: 'a', name: emoji })).kind).toBe('name')
    expect(confirmationPhrase(buildToken({ id: 'a', name: LONG, preview: 'ot_x' }))).toEqual({
      text: LONG,
      kind: 'name',
    })
  })
})

describe('typedPhraseMatches', () => {
  const name = { text: 'Old CI token', kind: 'name' } as const
  it('ignores outer spaces and Unicode normalisation, but not case', () => {
    expect(typedPhraseMatches('  Old CI token ', name)).toBe(true)
    expect(typedPhraseMatches('Cafe\u0301', { text: 'Caf\u00e9', kind: 'name' })).toBe(true)
    expect(typedPhraseMatches('old ci token', name)).toBe(false)
    expect(typedPhraseMatches('bd21', { text: 'bd21', kind: 'preview-end' })).toBe(true)
    expect(typedPhraseMatches('BD21', { text: 'bd21', kind: 'preview-end' })).toBe(false)
  })

  it('compares what a person can type: invisible format characters count on neither side', () => {
    const hidden = { text: 'CI\u200Bdeploy', kind: 'name' } as const
    expect(typedPhraseMatches('CIdeploy', hidden)).toBe(true)
    expect(typedPhraseMatches('CI\u200Bdeploy', hidden)).toBe(true)
    expect(typedPhraseMatches('CI\u2060deploy\uFEFF', { text: 'CIdeploy', kind: 'name' })).toBe(
      true,
    )
    // An emoji sequence and a Persian name, typed with or without their joiners.
    expect(
      typedPhraseMatches('👩💻 می‌خواهم', { text: '👩\u200D💻 می\u200Cخواهم', kind: 'name' }),
    ).toBe(true)
    expect(typedPhraseMatches('CI deploy', hidden)).toBe(false)
  })
})

describe('confirmationPhrase for a name with nothing to type', () => {
  it('asks for the end of the preview instead', () => {
    const token = buildToken({ id: 'a', name: '\u200B\u2060', preview: 'ot_pat_c3f9********bd21' })
    expect(confirmationPhrase(token)).toEqual({ text: 'bd21', kind: 'preview-end' })
  })
})
