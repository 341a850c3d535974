// One instance of the real serve command (`npm start`) with its embedded emulator on a fresh
// in-memory database, on a free port. Each Playwright worker starts its own (see fixtures.ts).
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const SERVE_CLI = join(rootDir, 'server', 'serve-cli.ts')
/**
 * Preloaded into the serve command: it exits when its stdin pipe closes, that is when the worker
 * holding the other end is gone, even a worker killed before it could tear its fixtures down.
 */
const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  "process.stdin.on('data', () => {}); process.stdin.once('close', () => process.exit(0))",
)}`
const STOP_GRACE_MS = 3_000

export interface ServeInstance {
  /** `http://127.0.0.1:PORT`, as the serve command printed it. */
  url: string
  /** The demo account's token, as the serve command printed it. */
  demoToken: string
  /** The serve command's own process (node itself, no wrapper): the load bench reads its memory. */
  pid: number
  /** Stops the serve command and everything it started; resolves once it has exited. */
  stop: () => Promise<void>
  /**
   * Everything the serve command has written so far, for tests that check what it logs (and the
   * load bench, which reads its memory probe's replies there).
   */
  output: () => { stdout: string; stderr: string }
}

/**
 * Starts the serve command (`--port 0 --db <db>`, then `args`; `nodeArgs` go to node) in its own
 * process group and resolves once it has printed its address and demo token. `dist/` must already
 * be fresh (global-setup.ts builds it), or every worker would build it at once.
 */
export function startServe({
  startTimeoutMs = 30_000,
  args = [],
  db = ':memory:',
  nodeArgs = [],
}: {
  startTimeoutMs?: number
  args?: readonly string[]
  db?: string
  nodeArgs?: readonly string[]
} = {}): Promise<ServeInstance> {
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      'tsx',
      '--import',
      EXIT_WITH_PARENT,
      SERVE_CLI,
      '--port',
      '0',
      '--db',
      db,
      ...args,
    ],
    {
      cwd: rootDir,
      // A process group of its own: `stop` signals the command and any helper it spawned.
      detached: true,
      // stdin is a pipe only this worker holds (see EXIT_WITH_PARENT).
      stdio: ['pipe', 'pipe', 'pipe'],
      // Always the embedded emulator, even in a shell that points the console at a real API.
      env: { ...process.env, OT_API_BASE_URL: '' },
    },
  )
  let exitedAlready = false
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exitedAlready = true
      resolve()
    }),
  )

  const signalGroup = (signal: NodeJS.Signals) => {
    if (exitedAlready || child.pid === undefined) return
    try {
      process.kill(-child.pid, signal)
    } catch {
      // Already gone.
    }
  }
  // Should the worker exit without tearing its fixtures down, the serve command goes with it.
  const killOnExit = () => signalGroup('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.off('exit', killOnExit)
    signalGroup('SIGTERM')
    const grace = setTimeout(() => signalGroup('SIGKILL'), STOP_GRACE_MS)
    await exited
    clearTimeout(grace)
  }

  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk
    process.stderr.write(chunk)
  })
  child.stdout.setEncoding('utf8')

  return new Promise<ServeInstance>((resolve, reject) => {
    let settled = false
    const fail = (reason: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void stop().finally(() =>
        reject(new Error(`serve command ${reason}\nstdout:\n${stdout}\nstderr:\n${stderr}`)),
      )
    }
    const timer = setTimeout(() => fail(`not ready after ${startTimeoutMs} ms`), startTimeoutMs)
    child.once('error', (error) => fail(`failed to start: ${error.message}`))
    void exited.then(() => fail(`exited with code ${child.exitCode ?? child.signalCode}`))
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
      if (settled) return
      const url = /^console listening on (http:\/\/\S+)$/m.exec(stdout)?.[1]
      const demoToken = /^demo token: (ot_pat_\S+)$/m.exec(stdout)?.[1]
      if (url === undefined || demoToken === undefined) return
      // Always set here: a child that printed was spawned.
      const pid = child.pid
      if (pid === undefined) return fail('printed its address but has no pid')
      settled = true
      clearTimeout(timer)
      resolve({ url, demoToken, pid, stop, output: () => ({ stdout, stderr }) })
    })
  })
}
