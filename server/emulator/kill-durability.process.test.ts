// D17 under SIGKILL: the CLI, on a file db, is killed in the middle of a burst of creates and
// revokes, over and over. After each kill the file passes SQLite's own checks; after each restart
// every answered write is there, and every unanswered one (killed in flight) is whole: a token with
// the name and scopes sent, or nothing.
import type { ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { describe, expect, inject, it, onTestFinished } from 'vitest'
import { killAndWait, readLines, spawnScript } from '../child-process-support.ts'
import { PUBLIC_API_BASE } from './emulator.ts'
import { SCOPE_CATALOG } from './scopes.ts'
import { ACTIVE_TOKEN_CAP } from './token-limits.ts'
import { ISO_MS, RECORD_KEYS } from './test-support.ts'
import type { WireCreated, WireMe, WireToken, WireTokenList } from './wire-types.ts'
import {
  createWriteLedger,
  type BurstCounts,
  type ExpectedStatus,
  type LedgerToken,
  type WriteLedger,
} from './write-ledger.ts'

/** The CLI bundled once by the project's globalSetup (server/bundle-emulator.ts). */
const CLI = inject('emulatorCli')

const KILLS = 20
/** Writers running at once: enough that several writes are always in flight when the kill lands. */
const WRITERS = 8
/**
 * Once this many tokens may be active, writers revoke the oldest instead of creating, which keeps
 * the account far below the cap even with every writer's create and the last bursts' unanswered
 * creates landing.
 */
const KEEP_ACTIVE = 5
/**
 * From the first answer of a burst to the SIGKILL, varied across 0-300 ms by the cycle number. Timed
 * from an answer, not from the start: a fresh process is slow to answer its first requests.
 */
const killDelayMs = (cycle: number): number => (cycle * 71) % 300

const TOKEN_ID = /^tok_[a-z2-7]{20}$/
const PREVIEW = /^ot_pat_[0-9a-f]{4}\*{8}[0-9A-Za-z]{4}$/

/** A scratch directory, removed after the children started later in the test are stopped. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-kill-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

interface RunningEmulator {
  child: ChildProcess
  url: string
  demoToken: string
}

async function start(db: string, cwd: string): Promise<RunningEmulator> {
  const child = spawnScript(CLI, ['--db', db, '--port', '0', '--seed', 'empty'], cwd)
  const [listening, demo] = await readLines(child, 3)
  const url = /^emulator listening on (http:\S+)$/.exec(listening ?? '')?.[1]
  const demoToken = /^demo token: (\S+)$/.exec(demo ?? '')?.[1]
  if (url === undefined || demoToken === undefined) {
    throw new Error(`unexpected start-up lines: ${listening} / ${demo}`)
  }
  return { child, url, demoToken }
}

interface CallOptions {
  method?: string
  json?: unknown
  token?: string
}

const call = (
  server: RunningEmulator,
  path: string,
  options: CallOptions = {},
): Promise<Response> =>
  fetch(`${server.url}${PUBLIC_API_BASE}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      authorization: `Bearer ${options.token ?? server.demoToken}`,
      ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    signal: AbortSignal.timeout(10_000),
  })

/** What came back during a burst: null when the process died before answering. */
interface Answer {
  status: number
  /** undefined when the status arrived but the process died before the body did */
  body: unknown
}

async function callDuringBurst(
  server: RunningEmulator,
  path: string,
  options: CallOptions,
): Promise<Answer | null> {
  let response: Response
  try {
    response = await call(server, path, options)
  } catch {
    return null
  }
  try {
    return { status: response.status, body: await response.json() }
  } catch {
    return { status: response.status, body: undefined }
  }
}

/** A random non-empty set of scopes, in catalog order as the emulator stores them (D21). */
function someScopes(): string[] {
  const scopes = SCOPE_CATALOG.filter(() => Math.random() < 0.5)
  return scopes.length > 0 ? scopes : ['jobs:read']
}

interface Burst {
  server: RunningEmulator
  ledger: WriteLedger
  nextName: () => string
  stopped: boolean
  answered: () => void
  /** Answers no write may get (a refusal other than the cap, a failed revoke). */
  problems: string[]
}

async function create(burst: Burst): Promise<void> {
  const { server, ledger } = burst
  const name = burst.nextName()
  const scopes = someScopes()
  ledger.createSent()
  const answer = await callDuringBurst(server, '/tokens', {
    method: 'POST',
    json: { name, scopes },
  })
  if (answer !== null) burst.answered()
  if (answer === null || (answer.status === 201 && answer.body === undefined)) {
    ledger.createUnanswered(name, { scopes, acknowledged: answer !== null })
  } else if (answer.status === 201) {
    const { token, metadata } = answer.body as WireCreated
    ledger.createAnswered({ id: metadata.id, name, scopes, secret: token })
  } else {
    // Only the cap may refuse these creates; a refused create must leave nothing behind.
    if (answer.status !== 409) burst.problems.push(`create ${name}: ${answer.status}`)
    ledger.createRefused(name)
  }
}

async function revoke(burst: Burst, token: LedgerToken): Promise<void> {
  burst.ledger.revokeSent(token)
  const answer = await callDuringBurst(burst.server, `/tokens/${encodeURIComponent(token.id)}`, {
    method: 'DELETE',
  })
  if (answer !== null) burst.answered()
  if (answer !== null && answer.status !== 200) {
    burst.problems.push(`revoke ${token.id}: ${answer.status}`)
  }
  burst.ledger.revokeEnded(token, answer?.status === 200)
}

async function writer(burst: Burst): Promise<void> {
  while (!burst.stopped) {
    const oldest =
      burst.ledger.activeOrLanding() >= KEEP_ACTIVE ? burst.ledger.revocable() : undefined
    await (oldest === undefined ? create(burst) : revoke(burst, oldest))
  }
}

/** Writers create and revoke until the process is SIGKILLed under them. */
async function burstThenKill(
  server: RunningEmulator,
  ledger: WriteLedger,
  cycle: number,
): Promise<BurstCounts> {
  let sent = 0
  let answered = (): void => {}
  const firstAnswer = new Promise<void>((resolve) => (answered = resolve))
  const burst: Burst = {
    server,
    ledger,
    nextName: () => `kill ${cycle} write ${sent++}`,
    stopped: false,
    answered,
    problems: [],
  }
  const writers = Array.from({ length: WRITERS }, () => writer(burst))
  // A process that never answers is not waited for long (unref'd: the timer may outlive the test).
  await Promise.race([firstAnswer, sleep(10_000, undefined, { ref: false })])
  await sleep(killDelayMs(cycle))
  burst.stopped = true
  await killAndWait(server.child)
  await Promise.all(writers)
  expect(burst.problems, `kill ${cycle}: answers no write may get`).toEqual([])
  return ledger.takeCounts()
}

/**
 * SQLite's own checks on the file as the kill left it, run on a copy (a read-only connection cannot
 * roll back a hot journal; the restart must recover the original). Returns whether there was one.
 */
function expectSoundFile(db: string, scratch: string, when: string): boolean {
  const copy = join(scratch, 'copy.sqlite')
  const journal = existsSync(`${db}-journal`)
  copyFileSync(db, copy)
  if (journal) copyFileSync(`${db}-journal`, `${copy}-journal`)
  const sqlite = new Database(copy, { fileMustExist: true })
  try {
    expect(sqlite.pragma('integrity_check', { simple: true }), when).toBe('ok')
    expect(sqlite.pragma('foreign_key_check'), when).toEqual([])
  } finally {
    sqlite.close()
  }
  return journal
}

/** A listed row has the record's shape (§2, D10, D11): no column missing, torn or inconsistent. */
function expectWholeRow(row: WireToken, when: string): void {
  const what = `${when}: ${JSON.stringify(row)}`
  expect(Object.keys(row), what).toEqual(RECORD_KEYS)
  expect(row.id, what).toMatch(TOKEN_ID)
  expect(row.preview, what).toMatch(PREVIEW)
  expect(row.name.trim(), what).not.toBe('')
  expect(row.scopes.length, what).toBeGreaterThan(0)
  expect(row.scopes, what).toEqual(SCOPE_CATALOG.filter((scope) => row.scopes.includes(scope)))
  expect(row.createdAt, what).toMatch(ISO_MS)
  expect(row.expiresAt, what).toBeNull()
  expect(row.status === 'active' || row.status === 'revoked', what).toBe(true)
  if (row.status === 'revoked') expect(row.revokedAt, what).toMatch(ISO_MS)
  else expect(row.revokedAt, what).toBeNull()
}

/** D11: `ot_pat_` + the public id's first 4 characters + 8 stars + the token's last 4. */
const previewOf = (secret: string): string =>
  `ot_pat_${secret.slice(7, 11)}********${secret.slice(-4)}`

async function listTokens(server: RunningEmulator): Promise<WireToken[]> {
  const response = await call(server, '/tokens')
  expect(response.status).toBe(200)
  return ((await response.json()) as WireTokenList).tokens
}

/** Its secret authenticates as itself while the list shows it active, and is refused once revoked. */
async function expectSecretWorks(
  server: RunningEmulator,
  token: LedgerToken & { secret: string },
  status: string,
  when: string,
): Promise<void> {
  const response = await call(server, '/auth/me', { token: token.secret })
  const what = `${when}: the secret of ${token.name} (${token.id}, ${status})`
  const body = await response.text()
  if (status === 'revoked') {
    expect(response.status, what).toBe(401)
    token.refusalSeen = true
    return
  }
  expect(response.status, what).toBe(200)
  expect((JSON.parse(body) as WireMe).token.id, what).toBe(token.id)
}

/** Every answered write is there: each token the ledger knows is listed as it was sent. */
function expectAnsweredWrites(
  ledger: WriteLedger,
  byId: ReadonlyMap<string, WireToken>,
  when: string,
): void {
  for (const token of ledger.tokens()) {
    const row = byId.get(token.id)
    const what = `${when}: ${token.name} (${token.id}, expected ${token.expected})`
    expect(row, what).toBeDefined()
    expect([row?.name, row?.scopes], what).toEqual([token.name, token.scopes])
    if (token.expected !== 'active or revoked') expect(row?.status, what).toBe(token.expected)
    if (token.secret !== null) expect(row?.preview, what).toBe(previewOf(token.secret))
  }
}

/**
 * The rows no answer told of: each is an unanswered create, whole (the name and scopes sent, still
 * active: nobody knew its id to revoke it) and listed once. Returns them, to be adopted.
 */
function expectUnansweredWhole(
  ledger: WriteLedger,
  rows: readonly WireToken[],
  demoTokenId: string,
  when: string,
): LedgerToken[] {
  const unanswered = new Map(ledger.unanswered())
  const landed: LedgerToken[] = []
  for (const row of rows) {
    if (row.id === demoTokenId || ledger.get(row.id) !== undefined) continue
    const what = `${when}: a row no answer told of, ${JSON.stringify(row)}`
    expect(ledger.isAbsent(row.name), `${what} was refused or absent before`).toBe(false)
    const sent = unanswered.get(row.name)
    expect(sent, `${what} was never sent`).toBeDefined()
    expect(row.scopes, `${what} has other scopes than sent`).toEqual(sent?.scopes)
    expect(row.status, what).toBe('active')
    landed.push({
      id: row.id,
      name: row.name,
      scopes: row.scopes,
      secret: null,
      expected: 'active',
      revoking: false,
      refusalSeen: false,
    })
  }
  const names = landed.map((token) => token.name)
  expect(new Set(names).size, `${when}: an unanswered create landed twice`).toBe(names.length)
  for (const [name, sent] of unanswered) {
    if (sent.acknowledged) expect(names, `${when}: "${name}" got a 201`).toContain(name)
  }
  return landed
}

/**
 * Holds the restarted emulator to the ledger, then settles what the kill left undecided. Secrets
 * already seen refused are tried again only when `everySecret` (at the end): a revoke is final,
 * and the list shows each run that it still is.
 */
async function expectLedgerKept(
  server: RunningEmulator,
  ledger: WriteLedger,
  demoTokenId: string,
  when: string,
  everySecret = false,
): Promise<void> {
  const rows = await listTokens(server)
  for (const row of rows) expectWholeRow(row, when)
  const byId = new Map(rows.map((row) => [row.id, row]))
  expect(byId.size, `${when}: ids are unique`).toBe(rows.length)
  expect(byId.get(demoTokenId)?.status, `${when}: the demo token`).toBe('active')
  const active = rows.filter((row) => row.status === 'active')
  expect(active.length, `${when}: creates stay clear of the cap`).toBeLessThan(ACTIVE_TOKEN_CAP)

  expectAnsweredWrites(ledger, byId, when)
  const landed = expectUnansweredWhole(ledger, rows, demoTokenId, when)
  const withSecret = ledger
    .tokens()
    .filter((token): token is LedgerToken & { secret: string } => token.secret !== null)
    .filter((token) => everySecret || !token.refusalSeen)
  await Promise.all(
    withSecret.map((token) =>
      expectSecretWorks(server, token, byId.get(token.id)?.status ?? 'missing', when),
    ),
  )
  ledger.settle((id) => byId.get(id)?.status as ExpectedStatus, landed)
}

describe('durability under SIGKILL (D17)', () => {
  // 21 node starts, each up to a second or two on a loaded 2-core machine, need far more than the
  // default 5 s. The run itself is not timed.
  it(
    `keeps every answered write through ${KILLS} kills in the middle of a burst`,
    { timeout: 120_000 },
    async () => {
      const dir = tempDir()
      const db = join(dir, 'emulator.sqlite')
      const scratch = join(dir, 'scratch')
      mkdirSync(scratch)
      const ledger = createWriteLedger()
      let server = await start(db, dir)
      const meResponse = await call(server, '/auth/me')
      const demoTokenId = ((await meResponse.json()) as WireMe).token.id
      await expectLedgerKept(server, ledger, demoTokenId, 'at the first start')

      const bursts: BurstCounts[] = []
      let midTransaction = 0
      for (let cycle = 1; cycle <= KILLS; cycle++) {
        const when = `after kill ${cycle}`
        bursts.push(await burstThenKill(server, ledger, cycle))
        if (expectSoundFile(db, scratch, when)) midTransaction++
        const restarted = await start(db, dir)
        expect(restarted.demoToken, `${when}: the printed demo token`).toBe(server.demoToken)
        server = restarted
        await expectLedgerKept(server, ledger, demoTokenId, when, cycle === KILLS)
      }

      const total = (key: keyof BurstCounts): number =>
        bursts.reduce((sum, counts) => sum + counts[key], 0)
      console.info(
        `${KILLS} kills: ${total('created')} creates and ${total('revoked')} revokes answered, ` +
          `${total('refused')} refused, ${total('unanswered')} cut off; ` +
          `${midTransaction} kills left a journal (killed inside a transaction)`,
      )
      // Proof that the kills landed mid-burst: both kinds of write were answered, and writes were
      // in flight at (nearly) every kill.
      expect(total('created')).toBeGreaterThan(0)
      expect(total('revoked')).toBeGreaterThan(0)
      expect(total('unanswered')).toBeGreaterThan(KILLS)
    },
  )
})
