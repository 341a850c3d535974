// `npm run checks`: runs the npm scripts named on the command line side by side, as many at once
// as there are cores (the type check and each linter use one core each), printing each one's
// output whole when it ends. Exits 1 when any of them fails, after all have ended.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

interface Outcome {
  script: string
  ok: boolean
  seconds: number
}

function runScript(script: string): Promise<Outcome> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    const finish = (ok: boolean) => {
      const seconds = (performance.now() - started) / 1000
      process.stdout.write(`== ${script}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s\n`)
      process.stdout.write(Buffer.concat(output))
      resolve({ script, ok, seconds })
    }
    child.on('error', () => finish(false))
    child.on('close', (code) => finish(code === 0))
  })
}

async function runAll(scripts: string[]): Promise<Outcome[]> {
  const waiting = [...scripts]
  const outcomes: Outcome[] = []
  const lane = async () => {
    for (let script = waiting.shift(); script !== undefined; script = waiting.shift()) {
      outcomes.push(await runScript(script))
    }
  }
  const lanes = Math.min(availableParallelism(), scripts.length)
  await Promise.all(Array.from({ length: lanes }, lane))
  return outcomes
}

const failed = (await runAll(process.argv.slice(2))).filter((outcome) => !outcome.ok)
if (failed.length > 0) {
  console.error(`failed: ${failed.map((outcome) => outcome.script).join(', ')}`)
  process.exitCode = 1
}
