// Test support for running a server script as a child process, so that no process outlives the test
// that started it. A `.ts` script runs in node itself with tsx's loader: the `tsx` command is a
// wrapper whose node child kept running when a test killed the wrapper with SIGKILL.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { expect, onTestFinished } from 'vitest'

/** tsx's ESM loader as a file URL, so that it resolves whatever the child's working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** pid -> parent pid of every process (`ps` takes these flags on Linux and macOS). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>()
  for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).split(
    '\n',
  )) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number)
    if (pid !== undefined && ppid !== undefined && Number.isInteger(pid)) parents.set(pid, ppid)
  }
  return parents
}

/** Every process started, directly or not, by `root`. */
function descendantsOf(root: number): number[] {
  const parents = parentPids()
  const found: number[] = []
  let generation = [root]
  while (generation.length > 0) {
    const next = [...parents].filter(([, ppid]) => generation.includes(ppid)).map(([pid]) => pid)
    found.push(...next)
    generation = next
  }
  return found
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

/** SIGKILLs the child and resolves once it is gone (at once if it already was). */
export async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGKILL')
  await exited
}

/**
 * SIGTERMs the child, as Ctrl-C or a supervisor would, and resolves once it and everything it
 * started have exited (at most `timeoutMs`, or the test fails): for a child whose helpers (Vite's
 * and tsx's esbuild) end when it closes them, and would outlive a SIGKILL by a moment.
 */
export async function stopGracefully(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const pid = child.pid
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const descendants = descendantsOf(pid)
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
  const deadline = Date.now() + timeoutMs
  while (descendants.some(isAlive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  expect(descendants.filter(isAlive), 'processes that outlived a SIGTERM').toEqual([])
}

/**
 * After the test: a child still running is SIGKILLed and awaited; the test fails if it or anything
 * it started is still alive (killed too). An exited child is left alone: its pid may be reused.
 */
async function stopAndCheck(child: ChildProcess): Promise<void> {
  const pid = child.pid
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  // Listed before the kill: once the child is gone, its orphans belong to init and look like anyone's.
  const descendants = descendantsOf(pid)
  await killAndWait(child)
  const survivors = [pid, ...descendants].filter(isAlive)
  for (const survivor of survivors) process.kill(survivor, 'SIGKILL')
  expect(survivors, 'processes that outlived their test').toEqual([])
}

/**
 * The first `count` lines the child prints on stdout. Fails, showing its output, if it exits first
 * or has not printed them within 15 s (a node start on a loaded machine takes seconds).
 */
export function readLines(child: ChildProcess, count: number): Promise<string[]> {
  return new Promise((done, fail) => {
    let out = ''
    let err = ''
    const timer = setTimeout(
      () => fail(new Error(`timed out; stdout=${out} stderr=${err}`)),
      15_000,
    )
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const lines = out.split('\n')
      if (lines.length > count) {
        clearTimeout(timer)
        done(lines.slice(0, count))
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`exited ${code}; stdout=${out} stderr=${err}`))
    })
  })
}

/**
 * Runs `node script ...args` in `cwd` (with tsx's loader for a `.ts` script), with `env` added to
 * this process's environment, stopped and checked after the test.
 */
export function spawnScript(
  script: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): ChildProcess {
  const loader = script.endsWith('.ts') ? ['--import', TSX_LOADER] : []
  const child = spawn(process.execPath, [...loader, script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  onTestFinished(() => stopAndCheck(child))
  return child
}
