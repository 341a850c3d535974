import { describe, expect, it } from 'vitest'
import { buildToken, daysAgo } from '../../../testing/token-fixture'
import { csvCell, exportFileName, tokensToCsv, tokensToJson } from './export-tokens'
import { isStale } from '../common/token-state'

const now = Date.parse('2026-11-29T10:00:00.000Z')
const usedYesterday = '2026-11-28T10:00:00.000Z'

describe('csvCell', () => {
  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
  })

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('CI deploy (GitHub Actions)')).toBe('CI deploy (GitHub Actions)')
    expect(csvCell('ci-runner')).toBe('ci-runner')
  })
})

describe('tokensToCsv', () => {
  it('writes a header and a line per token, with the shown state beside the API status', () => {
    const csv = tokensToCsv(
      [
        buildToken({
          id: 'tok_a',
          name: '=cmd|calc',
          scopes: ['jobs:read', 'jobs:write'],
          lastUsedAt: usedYesterday,
        }),
        buildToken({ id: 'tok_b', name: 'Trial', expiresAt: '2026-11-01T00:00:00.000Z' }),
      ],
      now,
    )
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'id,name,preview,state,status,scopes,organizationId,createdAt,lastUsedAt,expiresAt,revokedAt',
    )
    // Scopes space-separated; an absent value is an empty cell.
    expect(lines[1]).toBe(
      `tok_a,'=cmd|calc,ot_pat_ok_a********abcd,active,active,jobs:read jobs:write,,2026-06-01T10:00:00.000Z,${usedYesterday},,`,
    )
    expect(lines[2]).toContain(',expired,active,')
    expect(lines).toHaveLength(4) // a final line end
  })

  it('says stale for a token the table badges stale, by the same rule', () => {
    const unused = buildToken({ id: 'tok_old', lastUsedAt: daysAgo(120, now) })
    const neverUsed = buildToken({ id: 'tok_new', createdAt: daysAgo(30, now) })
    const expiredUnused = buildToken({
      id: 'tok_exp',
      lastUsedAt: daysAgo(120, now),
      expiresAt: daysAgo(1, now),
    })
    expect([unused, neverUsed, expiredUnused].map((token) => isStale(token, now))).toEqual([
      true,
      true,
      false,
    ])
    const lines = tokensToCsv([unused, neverUsed, expiredUnused], now).split('\r\n')
    expect(lines[1]).toContain(',stale,active,')
    expect(lines[2]).toContain(',stale,active,')
    // Expired: nothing left to clean up, never stale.
    expect(lines[3]).toContain(',expired,active,')
  })
})

describe('tokensToJson', () => {
  it('keeps the metadata, the view and the time of the export', () => {
    const json = JSON.parse(
      tokensToJson([buildToken({ id: 'tok_a', lastUsedAt: usedYesterday })], now, {
        status: 'all',
      }),
    ) as {
      exportedAt: string
      view: unknown
      tokens: { id: string; state: string }[]
    }
    expect(json.exportedAt).toBe('2026-11-29T10:00:00.000Z')
    expect(json.view).toEqual({ status: 'all' })
    expect(json.tokens).toMatchObject([{ id: 'tok_a', state: 'active' }])
  })

  it('writes scopes as an array and an absent value as null, never ""', () => {
    const revoked = buildToken({
      id: 'tok_r',
      status: 'revoked',
      scopes: ['jobs:read', 'webhooks:manage'],
      organizationId: 'org_1',
      revokedAt: daysAgo(2, now),
    })
    const { tokens } = JSON.parse(
      tokensToJson([buildToken({ id: 'tok_n', createdAt: daysAgo(30, now) }), revoked], now, {}),
    ) as { tokens: Record<string, unknown>[] }
    expect(tokens[0]).toEqual({
      id: 'tok_n',
      name: 'Token tok_n',
      preview: 'ot_pat_ok_n********abcd',
      state: 'stale',
      status: 'active',
      scopes: ['jobs:read'],
      organizationId: null,
      createdAt: daysAgo(30, now),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    })
    expect(tokens[1]).toMatchObject({
      state: 'revoked',
      scopes: ['jobs:read', 'webhooks:manage'],
      organizationId: 'org_1',
      revokedAt: daysAgo(2, now),
      expiresAt: null,
    })
  })
})

describe('exportFileName', () => {
  it('names the file with the day of the export', () => {
    expect(exportFileName(new Date(2026, 10, 29, 12).getTime(), 'csv')).toBe(
      'opentrain-tokens-2026-11-29.csv',
    )
  })
})
