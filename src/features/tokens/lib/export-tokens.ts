import type { Token } from '../api/token-schema'
import { calendarDay } from './new-token-form'
import { deriveTokenState } from './token-state'

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

function row(token: Token, now: number): Record<(typeof COLUMNS)[number], string> {
  const state = deriveTokenState(token, now)
  return {
    id: token.id,
    name: token.name,
    preview: token.preview,
    // What the console shows (an "active" token past its expiry is expired, D1) beside what the
    // API says.
    state: state.kind === 'unknown' ? state.status : state.kind,
    status: token.status,
    scopes: token.scopes.join(' '),
    organizationId: token.organizationId ?? '',
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt ?? '',
    expiresAt: token.expiresAt ?? '',
    revokedAt: token.revokedAt ?? '',
  }
}

/** The tokens as CSV: a header line, then one line per token, CRLF line ends (RFC 4180). */
export function tokensToCsv(tokens: readonly Token[], now: number): string {
  const lines = [COLUMNS.join(',')]
  for (const token of tokens) {
    const cells = row(token, now)
    lines.push(COLUMNS.map((column) => csvCell(cells[column])).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

/** The tokens as JSON, with when they were exported and which view they are. */
export function tokensToJson(tokens: readonly Token[], now: number, view: object): string {
  const exported = {
    exportedAt: new Date(now).toISOString(),
    view,
    tokens: tokens.map((token) => row(token, now)),
  }
  return `${JSON.stringify(exported, null, 2)}\n`
}

/** `opentrain-tokens-2026-11-29.csv`: the day of the export, in the browser's zone. */
export function exportFileName(now: number, extension: 'csv' | 'json'): string {
  return `opentrain-tokens-${calendarDay(now)}.${extension}`
}
