// The CLI as a user runs it: a child process, its three printed lines, its exit codes.
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { readLines, spawnScript } from '../child-process-support.ts'
import { HTML_NAME } from './seed.ts'
import type { WireTokenList } from './wire-types.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const CLI = join(ROOT, 'server', 'emulator-cli.ts')

/**
 * A scratch directory, removed when the test ends: after the children started later in the test
 * are stopped, since onTestFinished hooks run in reverse order.
 */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** The CLI in a child process, killed (and checked for leftovers) when the test ends. */
const run = (args: string[], cwd = ROOT): ChildProcess => spawnScript(CLI, args, cwd)

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code) => done({ code, stderr }))
  })
}

// Each test starts one or two node processes; a loaded machine needs more than the default 5 s.
describe('emulator CLI', { timeout: 30_000 }, () => {
  it('prints the three lines; the demo token lists the seeded tokens; SIGTERM exits cleanly', async () => {
    const child = run(['--port', '0', '--db', ':memory:'])
    const [listening, demo, other] = await readLines(child, 3)
    const url = /^emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(listening ?? '')
    expect(url).not.toBeNull()
    expect(Number(url?.[2])).toBeGreaterThan(0)
    expect(demo).toMatch(/^demo token: ot_pat_[0-9a-f]{12}_[0-9A-Za-z]{32}$/)
    expect(other).toMatch(/^other account token: ot_pat_[0-9a-f]{12}_[0-9A-Za-z]{32}$/)

    const response = await fetch(`${url?.[1]}/api/public/v1/tokens`, {
      headers: { authorization: `Bearer ${demo?.slice('demo token: '.length)}` },
    })
    expect(response.status).toBe(200)
    const { tokens } = (await response.json()) as WireTokenList
    expect(tokens.length).toBeGreaterThanOrEqual(12)
    expect(tokens.map((t) => t.name)).toContain(HTML_NAME)
    expect(new Set(tokens.map((t) => t.status))).toEqual(new Set(['active', 'expired', 'revoked']))

    const done = exited(child)
    child.kill('SIGTERM')
    expect((await done).code).toBe(0)
  })

  it('creates the default db relative to the working directory and reuses it', async () => {
    const cwd = tempDir()
    const first = run(['--port', '0', '--seed', 'empty'], cwd)
    const [, demo] = await readLines(first, 3)
    expect(existsSync(join(cwd, '.data', 'emulator.sqlite'))).toBe(true)
    const stopped = exited(first)
    first.kill('SIGINT')
    expect((await stopped).code).toBe(0)

    const second = run(['--port', '0'], cwd)
    const [, demoAgain] = await readLines(second, 3)
    expect(demoAgain).toBe(demo)
  })

  it.each([[['--port', 'nope']], [['--seed', 'many']], [['--unknown']]])(
    'exits 2 with a message on stderr for %j',
    async (args) => {
      const { code, stderr } = await exited(run(args))
      expect(code).toBe(2)
      expect(stderr).toMatch(/^emulator: /)
      expect(stderr).toContain('Usage:')
    },
  )
})
