// Test support for kill-durability.test.ts: every write sent to the emulator and what came back, so
// that the db after a SIGKILL can be held to it. An answered write must be there; an unanswered one
// (its process killed in flight) may have happened or not.

/** What the token's row must show after a restart. */
export type ExpectedStatus = 'active' | 'revoked' | 'active or revoked'

export interface LedgerToken {
  id: string
  name: string
  scopes: readonly string[]
  /** The plaintext of a 201; null for an unanswered create found in the list after a restart. */
  secret: string | null
  expected: ExpectedStatus
  /** A revoke of it is in flight, so no other writer picks it. */
  revoking: boolean
  /**
   * A restart showed it revoked and its secret refused: final, so later restarts need only the list
   * to show it still revoked (the last one tries every secret again).
   */
  refusalSeen: boolean
}

interface UnansweredCreate {
  scopes: readonly string[]
  /** The 201 arrived but its body did not: the token must exist, its id and secret are unknown. */
  acknowledged: boolean
}

/** Writes of one burst: answered creates (201) and revokes (200), refused (409), unanswered. */
export interface BurstCounts {
  created: number
  revoked: number
  refused: number
  unanswered: number
}

const noWrites = (): BurstCounts => ({ created: 0, revoked: 0, refused: 0, unanswered: 0 })

export function createWriteLedger() {
  /** By id, in the order they became known: the oldest is revoked first. */
  const tokens = new Map<string, LedgerToken>()
  /** Creates sent whose answer never came, by their (unique) name, until a restart settles them. */
  const unanswered = new Map<string, UnansweredCreate>()
  /** Names that must never be listed: refused creates, and unanswered ones a restart showed absent. */
  const absent = new Set<string>()
  let creating = 0
  let counts = noWrites()

  return {
    tokens: (): LedgerToken[] => [...tokens.values()],
    get: (id: string): LedgerToken | undefined => tokens.get(id),
    unanswered: (): [string, UnansweredCreate][] => [...unanswered],
    isAbsent: (name: string): boolean => absent.has(name),

    /** Tokens that may be active once the writes in flight land: what the 25-token cap sees. */
    activeOrLanding: (): number =>
      creating + [...tokens.values()].filter((t) => t.expected !== 'revoked').length,

    /** The oldest token known to be active and not being revoked. */
    revocable: (): LedgerToken | undefined =>
      [...tokens.values()].find((t) => t.expected === 'active' && !t.revoking),

    /** Returns the counts of the burst that ends and starts new ones. */
    takeCounts: (): BurstCounts => {
      const taken = counts
      counts = noWrites()
      return taken
    },

    createSent: (): void => {
      creating++
    },
    createAnswered: (token: Pick<LedgerToken, 'id' | 'name' | 'scopes' | 'secret'>): void => {
      creating--
      counts.created++
      tokens.set(token.id, { ...token, expected: 'active', revoking: false, refusalSeen: false })
    },
    createRefused: (name: string): void => {
      creating--
      counts.refused++
      absent.add(name)
    },
    createUnanswered: (name: string, create: UnansweredCreate): void => {
      creating--
      counts[create.acknowledged ? 'created' : 'unanswered']++
      unanswered.set(name, create)
    },

    revokeSent: (token: LedgerToken): void => {
      token.revoking = true
      token.expected = 'active or revoked'
    },
    /** `acknowledged`: a 200 came, with or without its body. */
    revokeEnded: (token: LedgerToken, acknowledged: boolean): void => {
      token.revoking = false
      if (acknowledged) token.expected = 'revoked'
      counts[acknowledged ? 'revoked' : 'unanswered']++
    },

    /**
     * After a restart has been checked: what the list showed becomes what is expected from now on.
     * `found` are the unanswered creates that landed (adopted without a secret, so revoked later);
     * the others never may appear.
     */
    settle: (statusOf: (id: string) => ExpectedStatus, found: LedgerToken[]): void => {
      for (const token of tokens.values()) token.expected = statusOf(token.id)
      for (const token of found) tokens.set(token.id, token)
      const landed = new Set(found.map((t) => t.name))
      for (const name of unanswered.keys()) if (!landed.has(name)) absent.add(name)
      unanswered.clear()
    },
  }
}

export type WriteLedger = ReturnType<typeof createWriteLedger>
