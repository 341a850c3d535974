// Model-based property test of the optimistic revoke: fast-check interleaves revokes, refetches,
import { signInForTest } from '../../../testing/msw/serve-session'
// server outcomes and late answers over a model server. What it checks, and why: docs/testing.md.
import { MutationObserver, QueryObserver, type QueryClient } from '@tanstack/react-query'
import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSessionControls, type SessionControls } from '../../session/api/session-controls'
import { endSession, isSignedIn } from '../../session/api/session-store'
import { createQueryClient } from '../../../query-client'
import { createTestDb, TEST_SECRET } from '../../../testing/msw/db'
import { errorEnvelope } from '../../../testing/msw/handlers'
import { buildToken } from '../../../testing/token-fixture'
import { revokeTokenMutationOptions } from '../api/revoke-token-mutation'
import { revokeTokenKey, tokenQueries } from '../api/token-queries'
import type { Token } from '../api/token-schema'
import { deriveTokenState } from '../common/token-state'

// The session's request client builds its same-origin base URL from `window.location` on first
// use. Nothing else here needs a browser, so the test stays in node. Vitest hoists this.
vi.hoisted(() => {
  vi.stubGlobal('window', { location: { origin: 'http://console.test' } })
})

// Node's check-phase callback: runs after pending I/O and microtasks, without a timer's 1 ms floor.
// The DOM typings this project compiles against do not declare it.
const { setImmediate } = globalThis as unknown as { setImmediate: (callback: () => void) => void }

const API = '*/api/public/v1'
const SERVER_EPOCH = Date.parse('2030-01-01T00:00:00.000Z') // never the console's own clock
const listKey = tokenQueries.list().queryKey

type Outcome = 'answer' | 'error-500' | 'gone-404' | 'lost-request' | 'lost-answer'
type AlreadyRevokedAnswer = 200 | 404
type RefetchKind = 'refresh' | 'focus' | 'invalidate'
type Ending = 'converged' | 'converged-after-refresh' | 'signed-out'

interface Answer {
  response: Response
  /** The server's event counter when it handled the request. */
  tick: number
  /** A list that succeeded: what it showed. */
  list?: Token[]
  /** A DELETE that succeeded: the revoked record. */
  revoked?: Token
  /** A list that failed: the console learns nothing from it. */
  failedList?: boolean
}

interface Exchange {
  seq: number
  label: string
  request: Request
  tokenId: string | null
  answer: Answer | null
  respond: (response: Response) => void
}

interface Model {
  signedOut: boolean
  /** The world under test, read only by preconditions: a command runs only when it can act. */
  world: World
}

function isShownRevoked(token: Token): boolean {
  return deriveTokenState(token, Date.now()).kind === 'revoked'
}

function observeList(queryClient: QueryClient) {
  return new QueryObserver(queryClient, tokenQueries.list())
}

function observeRevokes(
  queryClient: QueryClient,
  setup: Parameters<typeof revokeTokenMutationOptions>[1],
) {
  return new MutationObserver(queryClient, revokeTokenMutationOptions(queryClient, setup))
}

/** One run: the model server, the parked requests, and the console under test. */
class World {
  readonly tokens: Map<string, Token>
  readonly sessionTokenId: string
  readonly queryClient: QueryClient
  private readonly session: SessionControls
  readonly waiting: Exchange[] = [] // arrived, not handled yet
  readonly handled: Exchange[] = [] // handled, answer not delivered yet
  readonly trace: string[] = []
  signedOut = false
  private readonly confirmedRevoked = new Set<string>()
  private readonly sentAfterSignOut: string[] = []
  /** Server event counter: every handled request and every change made elsewhere. */
  private tick = 0
  /** When the server handled the last list the console took in. */
  private acceptedListTick = -1
  /** When the server last did something the console cannot know without another list. */
  private blindTick = -1
  private seq = 0
  private created = 0
  /** Bumped by anything that happens; `settle` waits until it stops moving. */
  private progress = 0
  private delivered: Exchange[] = []
  private readonly listObserver: ReturnType<typeof observeList>
  private readonly revokeObserver: ReturnType<typeof observeRevokes>
  private readonly cleanups: Array<() => void> = []
  private unmountPage: () => void = () => {}

  constructor(
    initial: Token[],
    private readonly alreadyRevoked: AlreadyRevokedAnswer,
  ) {
    const db = createTestDb(initial)
    this.tokens = db.tokens
    this.sessionTokenId = db.me.token.id
    signInForTest()
    // Wired as `createApp` wires them; leaving the page stands in for the router's navigation.
    this.queryClient = createQueryClient({
      defaultOptions: {
        queries: { retry: false, gcTime: Infinity },
        mutations: { retry: false, gcTime: Infinity },
      },
      onUnauthorized: () => this.session.onUnauthorized(),
    })
    this.session = createSessionControls({
      queryClient: this.queryClient,
      goToSignIn: () => {
        this.leavePage()
        return Promise.resolve()
      },
    })
    this.listObserver = observeList(this.queryClient)
    this.revokeObserver = observeRevokes(this.queryClient, {
      sessionTokenId: this.sessionTokenId,
      onSessionTokenRevoked: () => this.session.signOut('token-revoked'),
    })
    this.cleanups.push(
      this.queryClient.getQueryCache().subscribe(() => (this.progress += 1)),
      this.queryClient.getMutationCache().subscribe(() => (this.progress += 1)),
      this.revokeObserver.subscribe(() => {}),
    )
  }

  /** Mounts the page. Its list loads first, as the route's loader would. */
  async open(): Promise<void> {
    this.unmountPage = this.listObserver.subscribe(() => {})
    await this.settle()
    const first = this.waiting[0]
    if (!first) this.fail('the page did not ask for the list')
    this.handle(first, 'answer')
    this.deliver(first)
    await this.afterStep()
  }

  /** The session controls signed out (the session has ended): the page goes away. */
  private leavePage(): void {
    this.trace.push('  the console signs out and leaves the page')
    this.signedOut = true
    this.unmountPage()
  }

  /** The request of this label that arrived and waits for the server. */
  waitingFor(label: string): Exchange {
    const exchange = this.waiting.find((candidate) => candidate.label === label)
    return exchange ?? this.fail(`no ${label} is waiting`)
  }

  cachedList(): Token[] | undefined {
    return this.queryClient.getQueryData(listKey)
  }

  serverList(): Token[] {
    return [...this.tokens.values()]
  }

  // ---- the network ------------------------------------------------------------------------

  arrive(request: Request, tokenId: string | null): Promise<Response> {
    this.progress += 1
    const label = tokenId === null ? 'GET /tokens' : `DELETE /tokens/${tokenId}`
    if (!request.headers.has(SESSION_COOKIE)) this.sentAfterSignOut.push(label)
    return new Promise<Response>((resolve) => {
      const exchange: Exchange = {
        seq: (this.seq += 1),
        label,
        request,
        tokenId,
        answer: null,
        respond: (response) => {
          this.progress += 1
          resolve(response)
        },
      }
      this.trace.push(`  #${exchange.seq} ${label} arrives`)
      this.waiting.push(exchange)
      request.signal.addEventListener('abort', () => {
        this.trace.push(`  #${exchange.seq} aborted by the console`)
        remove(this.waiting, exchange)
        remove(this.handled, exchange)
        exchange.respond(HttpResponse.error()) // nobody reads it; this only frees the handler
      })
    })
  }

  /** The server acts on a request now; the answer waits for `deliver`. */
  handle(exchange: Exchange, outcome: Outcome): void {
    this.tick += 1
    remove(this.waiting, exchange)
    this.handled.push(exchange)
    const answer = this.answer(exchange, outcome, this.tick)
    exchange.answer = answer
    this.trace.push(`  #${exchange.seq} handled (${outcome}): ${describeAnswer(answer)}`)
  }

  private answer(exchange: Exchange, outcome: Outcome, tick: number): Answer {
    const failedList = exchange.tokenId === null
    const requestId = `req-${tick}`
    if (outcome === 'lost-request') return { response: HttpResponse.error(), tick, failedList }
    if (outcome === 'error-500') {
      const response = errorEnvelope(500, 'INTERNAL_ERROR', 'Revocation store down', requestId)
      return { response, tick, failedList }
    }
    const authorised =
      exchange.request.headers.has(SESSION_COOKIE) &&
      this.tokens.get(this.sessionTokenId)?.status === 'active'
    if (!authorised) {
      const response = errorEnvelope(401, 'UNAUTHORIZED', 'Invalid token', requestId)
      return { response, tick, failedList }
    }
    if (exchange.tokenId === null) {
      if (outcome === 'lost-answer') return { response: HttpResponse.error(), tick, failedList }
      const list = this.serverList()
      return { response: HttpResponse.json({ tokens: list }), tick, list }
    }
    const id = exchange.tokenId
    if (outcome === 'gone-404') this.tokens.delete(id) // purged since the page loaded
    const token = this.tokens.get(id)
    if (!token || (token.status === 'revoked' && this.alreadyRevoked === 404)) {
      const response = HttpResponse.json(
        { error: 'Token not found', code: 'NOT_FOUND', requestId, details: { tokenId: id } },
        { status: 404, headers: { 'X-Request-Id': requestId } },
      )
      return { response, tick }
    }
    const revoked: Token =
      token.status === 'revoked'
        ? token // D3: the original revokedAt is kept
        : { ...token, status: 'revoked', revokedAt: serverTime(tick) }
    this.tokens.set(id, revoked)
    if (outcome === 'lost-answer') return { response: HttpResponse.error(), tick }
    return { response: HttpResponse.json({ token: revoked }), tick, revoked }
  }

  deliver(exchange: Exchange): void {
    remove(this.handled, exchange)
    this.trace.push(`  #${exchange.seq} delivered`)
    this.delivered.push(exchange)
    exchange.respond(exchange.answer?.response ?? HttpResponse.error())
  }

  // ---- changes made elsewhere -------------------------------------------------------------

  /** Revokes `id` as another tab would; false when there is nothing to revoke. */
  revokeElsewhere(id: string): boolean {
    const token = this.tokens.get(id)
    if (!token || token.status === 'revoked') return false
    this.tick += 1
    this.blindTick = this.tick
    this.tokens.set(id, { ...token, status: 'revoked', revokedAt: serverTime(this.tick) })
    this.trace.push(`  ${id} revoked elsewhere`)
    return true
  }

  createElsewhere(): void {
    this.tick += 1
    this.blindTick = this.tick
    this.created += 1
    const token = buildToken({ id: `tok_new${this.created}`, createdAt: serverTime(this.tick) })
    this.tokens.set(token.id, token)
    this.trace.push(`  ${token.id} created elsewhere`)
  }

  // ---- the console's actions --------------------------------------------------------------

  revoke(id: string): void {
    this.trace.push(`  revoke ${id}`)
    void this.revokeObserver.mutate(id).catch(() => {}) // the outcome shows in the cache
  }

  refetch(kind: RefetchKind): void {
    if (kind === 'refresh') void this.listObserver.refetch()
    else if (kind === 'focus') void this.listObserver.refetch({ cancelRefetch: false })
    else void this.queryClient.invalidateQueries({ queryKey: tokenQueries.lists() })
  }

  pendingRevokes(): Set<string> {
    const pending = this.queryClient
      .getMutationCache()
      .findAll({ mutationKey: revokeTokenKey, status: 'pending' })
    return new Set(pending.map((mutation) => String(mutation.state.variables)))
  }

  // ---- stepping -----------------------------------------------------------------------------

  /** Lets every consequence of the last step run: MSW, fetch, the console's callbacks. */
  async settle(): Promise<void> {
    let quietRounds = 0
    let seen = -1
    for (let round = 0; quietRounds < 3; round += 1) {
      if (round > 10_000) this.fail('the console never settles')
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (this.progress === seen) quietRounds += 1
      else [quietRounds, seen] = [0, this.progress]
    }
  }

  /** Settles, records what the console has now been told, and checks the invariants. */
  async afterStep(): Promise<void> {
    await this.settle()
    for (const { answer, request } of this.delivered.splice(0)) {
      if (!answer) continue
      if (answer.revoked) this.confirmedRevoked.add(answer.revoked.id)
      // A list counts only if the console still wanted it: react-query aborts the signal of a
      // fetch it cancels, and then ignores its answer.
      if (request.signal.aborted) continue
      if (answer.list) {
        this.acceptedListTick = answer.tick
        for (const token of answer.list) {
          if (token.status === 'revoked') this.confirmedRevoked.add(token.id)
        }
      }
      if (answer.failedList) this.blindTick = Math.max(this.blindTick, answer.tick)
    }
    this.checkInvariants()
  }

  private checkInvariants(): void {
    for (const token of this.cachedList() ?? []) {
      if (this.confirmedRevoked.has(token.id) && !isShownRevoked(token)) {
        const shown = deriveTokenState(token, Date.now()).kind
        this.fail(`${token.id} was confirmed revoked, yet the cache shows it ${shown}`)
      }
    }
    if (this.sentAfterSignOut.length > 0) {
      this.fail(`sent after sign-out: ${this.sentAfterSignOut.join(', ')}`)
    }
    // The page renders the cache as it is: a row whose DELETE is still unanswered shows revoked.
    const unanswered = new Set(
      [...this.waiting, ...this.handled].flatMap(({ tokenId }) =>
        tokenId === null ? [] : [tokenId],
      ),
    )
    for (const token of this.cachedList() ?? []) {
      const shown = deriveTokenState(token, Date.now()).kind
      if (unanswered.has(token.id) && shown !== 'revoked') {
        this.fail(`${token.id} has a revoke in flight, yet the page shows it ${shown}`)
      }
      if (this.confirmedRevoked.has(token.id) && shown === 'active') {
        this.fail(`${token.id} was confirmed revoked, yet the page shows it active`)
      }
    }
  }

  /** Answers everything honestly until nothing is mutating or fetching. */
  async drain(oneTick: boolean): Promise<void> {
    for (let round = 0; round < 200; round += 1) {
      await this.settle()
      const parked = [...this.handled, ...this.waiting]
      if (parked.length === 0) {
        if (this.queryClient.isMutating() === 0 && this.queryClient.isFetching() === 0) return
        this.fail('nothing is parked, yet the console is still mutating or fetching')
      }
      for (const exchange of oneTick ? parked : parked.slice(0, 1)) {
        if (!exchange.answer) this.handle(exchange, 'answer')
        this.deliver(exchange)
      }
      await this.afterStep()
    }
    this.fail('the console keeps sending requests')
  }

  async finish(oneTick: boolean): Promise<Ending> {
    this.trace.push(`final: answer everything${oneTick ? ', in one tick' : ''}`)
    await this.drain(oneTick)
    let ending: Ending = 'converged'
    if (!this.signedOut && this.blindTick >= this.acceptedListTick) {
      this.trace.push('final: Refresh (the console could not know the latest changes)')
      this.refetch('refresh')
      await this.drain(oneTick)
      ending = 'converged-after-refresh'
    }
    if (this.signedOut) {
      expect(this.cachedList(), 'the old session’s data is dropped').toBeUndefined()
      return 'signed-out'
    }
    const message = `the cache differs from the server (${ending})\n${this.trace.join('\n')}`
    expect(this.cachedList(), message).toEqual(this.serverList())
    return ending
  }

  fail(message: string): never {
    throw new Error(`${message}\n--- trace ---\n${this.trace.join('\n')}`)
  }

  /** Ends the run and leaves nothing behind, even after a failure. */
  async dispose(): Promise<void> {
    endSession('signed-out') // first: no settle refetch may start from here on
    this.unmountPage()
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    this.queryClient.clear()
    const parked = [...this.waiting.splice(0), ...this.handled.splice(0)]
    for (const exchange of parked) exchange.respond(HttpResponse.error())
    await this.settle()
  }
}

function remove<T>(items: T[], item: T): void {
  const index = items.indexOf(item)
  if (index !== -1) items.splice(index, 1)
}

function serverTime(tick: number): string {
  return new Date(SERVER_EPOCH + tick * 60_000).toISOString()
}

function describeAnswer(answer: Answer): string {
  if (answer.response.type === 'error') return 'network error'
  if (answer.revoked) return `200 ${answer.revoked.id} revoked`
  if (answer.list) {
    return `200 [${answer.list.map((token) => `${token.id}:${token.status}`).join(' ')}]`
  }
  return String(answer.response.status)
}

// ---- commands ---------------------------------------------------------------------------------

/** How many commands across all runs did something, and how many found nothing to act on. */
const work = { acted: 0, idle: 0 }

/**
 * A command: its label, whether it needs the page (a live session), whether it has anything to
 * act on now (`ready`: fast-check skips it otherwise), and what it does. `act` returns false when
 * it found nothing to act on after all, which the tally counts as idle.
 */
class Step implements fc.AsyncCommand<Model, World> {
  constructor(
    private readonly label: string,
    private readonly needsPage: boolean,
    private readonly act: (world: World) => boolean,
    private readonly ready: (world: World) => boolean = () => true,
  ) {}

  check(model: Readonly<Model>): boolean {
    return (!this.needsPage || !model.signedOut) && this.ready(model.world)
  }

  async run(model: Model, world: World): Promise<void> {
    world.trace.push(this.label)
    if (this.act(world)) work.acted += 1
    else work.idle += 1
    await world.afterStep()
    model.signedOut = world.signedOut
  }

  toString(): string {
    return this.label
  }
}

const pick = <T>(items: readonly T[], index: number): T | undefined => items[index % items.length]

const indexArb = fc.nat({ max: 9 })

const outcomeArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Outcome>('answer') },
  { weight: 1, arbitrary: fc.constant<Outcome>('error-500') },
  { weight: 1, arbitrary: fc.constant<Outcome>('gone-404') },
  { weight: 1, arbitrary: fc.constant<Outcome>('lost-request') },
  { weight: 1, arbitrary: fc.constant<Outcome>('lost-answer') },
)

/** True about once in 25: the session's own token is the one revoked. */
const ownTokenArb = fc.nat({ max: 24 }).map((n) => n === 0)

/** The row a revoke command targets: the `index`th the console shows that fits. */
function revokeTarget(world: World, index: number, asUi: boolean, own: boolean): Token | undefined {
  const pending = world.pendingRevokes()
  const rows = (world.cachedList() ?? []).filter(
    (token) =>
      (token.id === world.sessionTokenId) === own &&
      (!asUi || (!isShownRevoked(token) && !pending.has(token.id))),
  )
  return pick(rows, index)
}

const revokeArb = fc.record({ index: indexArb, asUi: fc.boolean(), own: ownTokenArb }).map(
  ({ index, asUi, own }) =>
    new Step(
      `revoke row ${index} (${asUi ? 'as the UI allows' : 'any row'}${own ? ', own token' : ''})`,
      true,
      (world) => {
        const target = revokeTarget(world, index, asUi, own)
        if (target) world.revoke(target.id)
        return target !== undefined
      },
      (world) => revokeTarget(world, index, asUi, own) !== undefined,
    ),
)

const refetchArb = fc.constantFrom<RefetchKind>('refresh', 'focus', 'invalidate').map(
  (kind) =>
    new Step(`refetch (${kind})`, true, (world) => {
      world.refetch(kind)
      return true
    }),
)

const handleArb = fc.record({ index: indexArb, outcome: outcomeArb }).map(
  ({ index, outcome }) =>
    new Step(
      `handle waiting ${index}: ${outcome}`,
      false,
      (world) => {
        const exchange = pick(world.waiting, index)
        if (exchange) world.handle(exchange, outcome)
        return exchange !== undefined
      },
      (world) => world.waiting.length > 0,
    ),
)

const deliverArb = fc.record({ index: indexArb, count: fc.constantFrom(1, 1, 2, 3) }).map(
  ({ index, count }) =>
    new Step(
      count === 1
        ? `deliver handled ${index}`
        : `deliver ${count} handled from ${index} in one tick`,
      false,
      (world) => {
        const batch = new Set(
          Array.from({ length: count }, (_, k) => pick(world.handled, index + k)),
        )
        for (const exchange of batch) if (exchange) world.deliver(exchange)
        return [...batch].some((exchange) => exchange !== undefined)
      },
      (world) => world.handled.length > 0,
    ),
)

const handleAndDeliverArb = fc.record({ index: indexArb, outcome: outcomeArb }).map(
  ({ index, outcome }) =>
    new Step(
      `handle and deliver waiting ${index}: ${outcome}`,
      false,
      (world) => {
        const exchange = pick(world.waiting, index)
        if (!exchange) return false
        world.handle(exchange, outcome)
        world.deliver(exchange)
        return true
      },
      (world) => world.waiting.length > 0,
    ),
)

/** The token a revoke made elsewhere targets: the `index`th still unrevoked one that fits. */
function elsewhereTarget(world: World, index: number, own: boolean): string | undefined {
  const ids = [...world.tokens.values()]
    .filter((token) => (token.id === world.sessionTokenId) === own && token.status !== 'revoked')
    .map((token) => token.id)
  return pick(ids, index)
}

const revokeElsewhereArb = fc.record({ index: indexArb, own: ownTokenArb }).map(
  ({ index, own }) =>
    new Step(
      `elsewhere: revoke token ${index}${own ? ' (own token)' : ''}`,
      false,
      (world) => {
        const id = elsewhereTarget(world, index, own)
        return id !== undefined && world.revokeElsewhere(id)
      },
      (world) => elsewhereTarget(world, index, own) !== undefined,
    ),
)

const createElsewhereArb = fc.constant(
  new Step('elsewhere: create a token', false, (world) => {
    world.createElsewhere()
    return true
  }),
)

/** Server steps are listed twice: they are the ones that move requests along. */
const commandArbs = [
  revokeArb,
  refetchArb,
  handleArb,
  handleArb,
  deliverArb,
  deliverArb,
  handleAndDeliverArb,
  revokeElsewhereArb,
  createElsewhereArb,
]

/** One to four tokens besides the session's, some already revoked. */
const initialTokensArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }).map((revoked) =>
  revoked.map((isRevoked, index) =>
    buildToken({
      id: `tok_${String.fromCharCode(97 + index)}`,
      createdAt: new Date(SERVER_EPOCH - (index + 1) * 86_400_000).toISOString(),
      ...(isRevoked ? { status: 'revoked', revokedAt: serverTime(-60) } : {}),
    }),
  ),
)

// ---- the property -----------------------------------------------------------------------------

let world: World | null = null
let strayRequests = 0

const server = setupServer(
  http.get(`${API}/tokens`, ({ request }) => arrive(request, null)),
  http.delete(`${API}/tokens/:id`, ({ request, params }) => arrive(request, String(params.id))),
  // Signing out asks the serve command to clear its cookies.
  http.delete('*/console/session', () => new HttpResponse(null, { status: 204 })),
)

/**
 * The browser sends the serve command's session cookie with every request: this marks each request
 * with whether the page still had its session when it made it, the model's stand-in for that
 * cookie (a request made after the sign-out is one the page should not have made).
 */
const SESSION_COOKIE = 'x-test-session-cookie'
let unpatchedFetch: typeof fetch = globalThis.fetch

function fetchWithSessionCookie(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers)
  if (isSignedIn()) headers.set(SESSION_COOKIE, TEST_SECRET)
  return unpatchedFetch(input, { ...init, headers })
}

function arrive(request: Request, tokenId: string | null): Promise<Response> | Response {
  if (world) return world.arrive(request, tokenId)
  strayRequests += 1 // between runs: a leak from an earlier run
  return HttpResponse.error()
}

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  unpatchedFetch = globalThis.fetch
  globalThis.fetch = fetchWithSessionCookie
})
afterEach(() => endSession('signed-out'))
afterAll(() => {
  globalThis.fetch = unpatchedFetch
  server.close()
})

describe('optimistic revoke against a model server', () => {
  // 1,000 runs take a few seconds; the default 5 s timeout is too tight for a busy CI machine.
  it(
    'never shows a confirmed revoke as active, and converges on the server’s truth',
    { timeout: 120_000 },
    async () => {
      const endings: Record<Ending, number> = {
        converged: 0,
        'converged-after-refresh': 0,
        'signed-out': 0,
      }
      await fc.assert(
        fc.asyncProperty(
          initialTokensArb,
          fc.constantFrom<AlreadyRevokedAnswer>(200, 404),
          fc.boolean(),
          fc.commands(commandArbs, { maxCommands: 30, size: 'medium' }),
          async (initial, alreadyRevoked, finalInOneTick, commands) => {
            const run = new World(initial, alreadyRevoked)
            world = run
            try {
              await run.open()
              await fc.asyncModelRun(
                () => ({ model: { signedOut: false, world: run }, real: run }),
                commands,
              )
              endings[await run.finish(finalInOneTick)] += 1
            } finally {
              await run.dispose()
              world = null
            }
          },
        ),
        { numRuns: 1000 },
      )
      expect(strayRequests).toBe(0)
      // The strong check (no Refresh before comparing) must carry most runs, or it proves little.
      expect(endings.converged).toBeGreaterThan(400)
      // Most commands must have found something to do: runs of idle steps would prove nothing.
      console.info(`property commands: ${work.acted} acted, ${work.idle} idle; endings`, endings)
      expect(work.acted).toBeGreaterThan(20 * work.idle)
    },
  )
})

/** Runs `steps` against a fresh world, then answers everything and compares with the server. */
async function replay(
  initial: Token[],
  steps: (run: World) => Promise<void>,
): Promise<{ run: World; ending: Ending }> {
  const run = new World(initial, 200)
  world = run
  try {
    await run.open()
    await steps(run)
    return { run, ending: await run.finish(false) }
  } finally {
    await run.dispose()
    world = null
  }
}

const tokenA = buildToken({ id: 'tok_a', createdAt: serverTime(-120) })
const tokenB = buildToken({ id: 'tok_b', createdAt: serverTime(-180) })

// The two counterexamples the property found, pinned so they fail without fast-check's luck.
describe('optimistic revoke regressions found by the property test', () => {
  it('a failed DELETE does not bring back a token that a newer list shows revoked', async () => {
    const { ending } = await replay([tokenA], async (run) => {
      run.revoke('tok_a')
      await run.afterStep()
      run.revokeElsewhere('tok_a') // another tab revokes it while our DELETE is in flight
      run.refetch('refresh')
      await run.afterStep()
      const list = run.waitingFor('GET /tokens')
      run.handle(list, 'answer')
      run.deliver(list)
      await run.afterStep()
      const revoke = run.waitingFor('DELETE /tokens/tok_a')
      run.handle(revoke, 'error-500')
      run.deliver(revoke)
      await run.afterStep() // the invariants fail here if the rollback restores "active"
      expect(run.cachedList()?.find((token) => token.id === 'tok_a')?.status).toBe('revoked')
    })
    expect(ending).toBe('converged')
  })

  it('two revokes settling in the same tick still refetch the list once, by themselves', async () => {
    const sent: string[] = []
    const { ending } = await replay([tokenA, tokenB], async (run) => {
      run.revoke('tok_a')
      run.revoke('tok_b')
      await run.afterStep()
      const first = run.waitingFor('DELETE /tokens/tok_a')
      const second = run.waitingFor('DELETE /tokens/tok_b')
      // Both are revoked on the server, and the console hears two network errors at once.
      run.handle(first, 'lost-answer')
      run.handle(second, 'lost-answer')
      run.deliver(first)
      run.deliver(second)
      await run.afterStep()
      sent.push(...run.waiting.map((exchange) => exchange.label))
    })
    // Without the refetch the cache keeps both rolled back to active, and `finish` fails.
    expect(sent).toEqual(['GET /tokens'])
    expect(ending).toBe('converged')
  })
})
