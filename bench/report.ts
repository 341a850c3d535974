// The printed table: one row per case, grouped in titled sections, columns aligned.
import type { Timing } from './measure.ts'

export interface Row {
  case: string
  /** Tokens in play (list length, seed size); absent when it does not apply. */
  n?: number
  timing?: Timing
  /**
   * The ops/s column when it is not 1000 / mean ms: requests per second of wall time when many run
   * at once (the load bench), where one request's mean says nothing of the rate.
   */
  opsPerSecond?: number
  note?: string
}

export interface Section {
  title: string
  rows: Row[]
}

const HEADERS = ['case', 'n', 'runs', 'median', 'p95', 'ops/s', 'note'] as const
/** Columns aligned to the right (the figures). */
const RIGHT = new Set([1, 2, 3, 4, 5])

export const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Milliseconds in the unit that keeps three significant figures readable. */
export function formatDuration(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}

/** Bytes in kB and MB (powers of 1,000, as Vite reports them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(2)} MB`
}

function cells(row: Row): string[] {
  const t = row.timing
  return [
    row.case,
    row.n === undefined ? '' : integer.format(row.n),
    t === undefined ? '' : integer.format(t.runs),
    t === undefined ? '' : formatDuration(t.median),
    t === undefined ? '' : formatDuration(t.p95),
    row.opsPerSecond !== undefined
      ? integer.format(row.opsPerSecond)
      : t === undefined
        ? ''
        : integer.format(1000 / t.mean),
    row.note ?? '',
  ]
}

export function formatTable(sections: readonly Section[]): string {
  const body = sections.map((section) => ({ title: section.title, rows: section.rows.map(cells) }))
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...body.flatMap((s) => s.rows.map((r) => (r[column] ?? '').length))),
  )
  const line = (values: readonly string[]): string =>
    values
      .map((value, column) => {
        const width = widths[column] ?? 0
        return RIGHT.has(column) ? value.padStart(width) : value.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  const out = [line(HEADERS), rule]
  for (const [index, section] of body.entries()) {
    if (index > 0) out.push('')
    out.push(`[${section.title}]`)
    for (const row of section.rows) out.push(line(row))
  }
  return out.join('\n')
}

/** A plain grid: a header line, a rule, then the rows; `right` columns aligned to the right. */
export function formatGrid(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (values: readonly string[]): string =>
    values
      .map((value, column) => {
        const width = widths[column] ?? 0
        return right.has(column) ? value.padStart(width) : value.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** The same as a Markdown table (unaligned: Prettier pads it when it is written to a file). */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
): string {
  const cell = (value: string) => value.replaceAll('|', '\\|')
  const line = (values: readonly string[]) => `| ${values.map(cell).join(' | ')} |`
  const rule = headers.map((_, column) => (right.has(column) ? '--:' : '---'))
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n')
}
