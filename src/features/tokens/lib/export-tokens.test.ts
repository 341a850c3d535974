import { describe, expect, it } from 'vitest'
import { buildToken } from '../../../testing/token-fixture'
import { csvCell, exportFileName, tokensToCsv, tokensToJson } from './export-tokens'

const now = Date.parse('2026-11-29T10:00:00.000Z')

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
        buildToken({ id: 'tok_a', name: '=cmd|calc', scopes: ['jobs:read', 'jobs:write'] }),
        buildToken({ id: 'tok_b', name: 'Trial', expiresAt: '2026-11-01T00:00:00.000Z' }),
      ],
      now,
    )
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'id,name,preview,state,status,scopes,organizationId,createdAt,lastUsedAt,expiresAt,revokedAt',
    )
    expect(lines[1]).toBe(
      "tok_a,'=cmd|calc,ot_pat_ok_a********abcd,active,active,jobs:read jobs:write,,2026-06-01T10:00:00.000Z,,,",
    )
    expect(lines[2]).toContain(',expired,active,')
    expect(lines).toHaveLength(4) // a final line end
  })
})

describe('tokensToJson', () => {
  it('keeps the metadata, the view and the time of the export', () => {
    const json = JSON.parse(
      tokensToJson([buildToken({ id: 'tok_a' })], now, { status: 'all' }),
    ) as {
      exportedAt: string
      view: unknown
      tokens: { id: string; state: string }[]
    }
    expect(json.exportedAt).toBe('2026-11-29T10:00:00.000Z')
    expect(json.view).toEqual({ status: 'all' })
    expect(json.tokens).toMatchObject([{ id: 'tok_a', state: 'active' }])
  })
})

describe('exportFileName', () => {
  it('names the file with the day of the export', () => {
    expect(exportFileName(new Date(2026, 10, 29, 12).getTime(), 'csv')).toBe(
      'opentrain-tokens-2026-11-29.csv',
    )
  })
})
