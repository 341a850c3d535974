import {
  EMULATOR_USAGE,
  parseEmulatorArgs,
  type EmulatorCliOptions,
} from './emulator/cli-options.ts'
import { openEmulator } from './emulator/emulator.ts'
import { startHttpServer } from './start-http-server.ts'

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${EMULATOR_USAGE}\n`)
    return
  }
  let options: EmulatorCliOptions
  try {
    options = parseEmulatorArgs(argv)
  } catch (error) {
    process.stderr.write(`emulator: ${message(error)}\n\n${EMULATOR_USAGE}\n`)
    process.exitCode = 2
    return
  }

  const emulator = openEmulator({
    db: options.db,
    seed: options.seed,
    latencyMs: options.latencyMs,
    rateLimitPerMinute: options.rateLimitPerMinute,
  })
  let server
  try {
    server = await startHttpServer(emulator.fetch, { port: options.port, host: options.host })
  } catch (error) {
    emulator.close()
    throw error
  }

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    server
      .close()
      .catch((error: unknown) => process.stderr.write(`emulator: ${message(error)}\n`))
      .finally(() => {
        emulator.close()
        process.exit(0)
      })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  process.stdout.write(
    `emulator listening on ${server.url}\n` +
      `demo token: ${emulator.demoToken}\n` +
      `other account token: ${emulator.otherAccountToken}\n`,
  )
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`emulator: ${message(error)}\n`)
  process.exit(1)
})
