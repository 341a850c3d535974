// The emulator's options that shape every response, through its fetch handler (no HTTP needed).
import { describe, expect, it, onTestFinished } from 'vitest'
import { openEmulator, type EmulatorOptions } from './emulator.ts'
import type { WireMe } from './wire-types.ts'

const ORIGIN = 'http://emulator.test'

function emulatorWith(options: Partial<EmulatorOptions>) {
  const emulator = openEmulator({ db: ':memory:', seed: 'empty', ...options })
  onTestFinished(emulator.close)
  return emulator
}

/** One turn of the event loop: every pending promise continuation runs before it ends. */
const nextTurn = (): Promise<void> => new Promise((done) => setImmediate(done))

describe('latencyMs (--latency)', () => {
  it('holds every response, success and error, until a wait of latencyMs is over', async () => {
    const waits: number[] = []
    let endWait = (): void => undefined
    const emulator = emulatorWith({
      latencyMs: 150,
      sleep: (ms) => {
        waits.push(ms)
        return new Promise<void>((done) => (endWait = done))
      },
    })
    const cases: [Request, number][] = [
      [
        new Request(`${ORIGIN}/api/public/v1/auth/me`, {
          headers: { authorization: `Bearer ${emulator.demoToken}` },
        }),
        200,
      ],
      [new Request(`${ORIGIN}/api/public/v1/nope`), 404],
    ]
    for (const [request, status] of cases) {
      let answered = false
      const response = emulator.fetch(request).then((r) => {
        answered = true
        return r
      })
      // Behind the wait everything is in process and synchronous (SQLite), so an answer that did
      // not wait would be here after one turn.
      await nextTurn()
      expect(answered, request.url).toBe(false)
      endWait()
      expect((await response).status, request.url).toBe(status)
    }
    expect(waits).toEqual([150, 150])
  })

  it('is off by default: nothing waits', async () => {
    const waits: number[] = []
    const emulator = emulatorWith({ sleep: (ms) => Promise.resolve(waits.push(ms)) })
    const response = await emulator.fetch(
      new Request(`${ORIGIN}/api/public/v1/auth/me`, {
        headers: { authorization: `Bearer ${emulator.demoToken}` },
      }),
    )
    expect(response.status).toBe(200)
    expect(waits).toEqual([])
  })
})

describe('currentDemoToken', () => {
  const me = (emulator: ReturnType<typeof emulatorWith>, token: string) =>
    emulator.fetch(
      new Request(`${ORIGIN}/api/public/v1/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    )

  it('is the printed token while it works, and a fresh working one once it is revoked', async () => {
    const emulator = emulatorWith({})
    const printed = emulator.demoToken
    expect(emulator.currentDemoToken()).toBe(printed)

    const { token } = (await (await me(emulator, printed)).json()) as WireMe
    const revoked = await emulator.fetch(
      new Request(`${ORIGIN}/api/public/v1/tokens/${token.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${printed}` },
      }),
    )
    expect(revoked.status).toBe(200)
    expect((await me(emulator, printed)).status).toBe(401)

    const fresh = emulator.currentDemoToken()
    expect(fresh).not.toBe(printed)
    expect((await me(emulator, fresh)).status).toBe(200)
    // Minted once: asking again gives the same one.
    expect(emulator.currentDemoToken()).toBe(fresh)
  })
})
