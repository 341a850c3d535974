import type { Token } from '../api/token-schema'
import { calendarDay } from '../create/new-token-form'
import { deriveTokenState, isStale } from '../common/token-state'

/** The columns of an export, in order: the record's metadata, never a secret (the API has none). */
const COLUMNS = [
  'id',
  'name',
  'preview',
  'state',
  'status',
  'scopes',
  'organizationId',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'revokedAt',
] as const

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a value that a spreadsheet would read
 * as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`,
 * and a value with a quote, a comma or a line break is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** One token as exported; what JSON writes as it is, and CSV as text. */
interface ExportedToken {
  id: string
  name: string
  preview: string
  state: string
  status: string
  scopes: string[]
  organizationId: string | null
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

function exportRecord(token: Token, now: number): ExportedToken {
  const state = deriveTokenState(token, now)
  return {
    id: token.id,
    name: token.name,
    preview: token.preview,
    // What the console shows beside what the API says: an "active" token past its expiry is
    // expired (D1), and one the table badges stale (the same `isStale`) is stale.
    state: isStale(token, now) ? 'stale' : state.kind === 'unknown' ? state.status : state.kind,
    status: token.status,
    scopes: [...token.scopes],
    organizationId: token.organizationId,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
  }
}

/** A CSV line's text: scopes space-separated, an absent value an empty cell. */
function csvText(value: ExportedToken[keyof ExportedToken]): string {
  return Array.isArray(value) ? value.join(' ') : (value ?? '')
}

/** The tokens as CSV: a header line, then one line per token, CRLF line ends (RFC 4180). */
export function tokensToCsv(tokens: readonly Token[], now: number): string {
  const lines = [COLUMNS.join(',')]
  for (const token of tokens) {
    const cells = exportRecord(token, now)
    lines.push(COLUMNS.map((column) => csvCell(csvText(cells[column]))).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

/**
 * The tokens as JSON, with when they were exported and which view they are: scopes as an array,
 * an absent value as `null`.
 */
export function tokensToJson(tokens: readonly Token[], now: number, view: object): string {
  const exported = {
    exportedAt: new Date(now).toISOString(),
    view,
    tokens: tokens.map((token) => exportRecord(token, now)),
  }
  return `${JSON.stringify(exported, null, 2)}\n`
}

/** `opentrain-tokens-2026-11-29.csv`: the day of the export, in the browser's zone. */
export function exportFileName(now: number, extension: 'csv' | 'json'): string {
  return `opentrain-tokens-${calendarDay(now)}.${extension}`
}
