// The emulator's options that shape every response, through its fetch handler (no HTTP needed).
import { describe, expect, it, onTestFinished } from 'vitest'
import { openEmulator, type EmulatorOptions } from './emulator.ts'

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
