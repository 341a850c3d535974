// The client's pure token logic over lists of 100, 1,000 and 10,000 tokens.
import { DEMO_ACCOUNT, scaleTokens, seedTokenRow } from '../server/emulator/seed.ts'
import { toTokenRecord } from '../server/emulator/token-record.ts'
import type { WireTokenList } from '../server/emulator/wire-types.ts'
import { tokenListSchema, type Token } from '../src/features/tokens/api/token-schema.ts'
import { filterTokens } from '../src/features/tokens/list/overview/filter-tokens.ts'
import { sortTokens } from '../src/features/tokens/list/table/sort-tokens.ts'
import { markRevoked } from '../src/features/tokens/api/token-cache.ts'
import { summarizeTokens } from '../src/features/tokens/common/token-summary.ts'
import type { TokenStatusFilter } from '../src/features/tokens/common/search.ts'
import { measure, type MeasureOptions } from './measure.ts'
import { formatBytes, integer, type Row } from './report.ts'

const SIZES = [100, 1_000, 10_000] as const
/** Two words that both occur in `--seed N` names ("Nightly sync (data) #12"). */
const QUERY = 'sync data'

/**
 * The `GET /tokens` body for `--seed count`, as JSON: the emulator's own seed generator and wire
 * serialiser, so names, scopes and the mix of states are what the console really receives.
 */
function wireList(count: number, nowMs: number): string {
  const tokens = scaleTokens(count).map((seed) =>
    toTokenRecord(seedTokenRow(DEMO_ACCOUNT.id, seed, nowMs), nowMs),
  )
  return JSON.stringify({ tokens } satisfies WireTokenList)
}

function optionsFor(n: number): MeasureOptions {
  return n >= 10_000 ? { warmup: 5, minRuns: 15, minTimeMs: 300 } : { minTimeMs: 200 }
}

interface List {
  n: number
  json: string
  /** The parsed JSON, before the schema. */
  body: unknown
  tokens: Token[]
}

function prepare(n: number, nowMs: number): List {
  const json = wireList(n, nowMs)
  const body: unknown = JSON.parse(json)
  return { n, json, body, tokens: tokenListSchema.parse(body).tokens }
}

interface Case {
  name: string
  run: (list: List) => unknown
  note?: (list: List) => string
}

function cases(nowMs: number): Case[] {
  const count = (list: List, status: TokenStatusFilter, q: string): string =>
    `${integer.format(filterTokens(list.tokens, { status, q }, nowMs).length)} match`
  return [
    {
      name: 'tokenListSchema.parse',
      run: (list) => tokenListSchema.parse(list.body),
      note: (list) => `JSON ${formatBytes(Buffer.byteLength(list.json))}`,
    },
    {
      name: 'filterTokens status=active',
      run: (list) => filterTokens(list.tokens, { status: 'active', q: '' }, nowMs),
      note: (list) => count(list, 'active', ''),
    },
    {
      name: `filterTokens status=all q="${QUERY}"`,
      run: (list) => filterTokens(list.tokens, { status: 'all', q: QUERY }, nowMs),
      note: (list) => count(list, 'all', QUERY),
    },
    {
      name: 'sortTokens lastUsed desc',
      run: (list) => sortTokens(list.tokens, 'lastUsed', 'desc'),
    },
    { name: 'sortTokens name asc', run: (list) => sortTokens(list.tokens, 'name', 'asc') },
    { name: 'summarizeTokens', run: (list) => summarizeTokens(list.tokens, nowMs) },
  ]
}

function benchMarkRevoked(list: List, nowMs: number): Row {
  const { n, tokens } = list
  const target = tokens[Math.floor(n / 2)]
  if (target === undefined) throw new Error('no token to revoke')
  const at = new Date(nowMs).toISOString()
  return {
    case: 'markRevoked (optimistic updater)',
    n,
    timing: measure(() => markRevoked(tokens, target.id, at), optionsFor(n)),
  }
}

/** One row per case and size, sizes together so the scaling reads down the table. */
export function benchClientLogic(): Row[] {
  const nowMs = Date.now()
  const lists = SIZES.map((n) => prepare(n, nowMs))
  const rows = cases(nowMs).flatMap((c) =>
    lists.map((list): Row => ({
      case: c.name,
      n: list.n,
      timing: measure(() => c.run(list), optionsFor(list.n)),
      note: c.note?.(list),
    })),
  )
  const largest = lists.at(-1)
  if (largest !== undefined) rows.push(benchMarkRevoked(largest, nowMs))
  return rows
}
