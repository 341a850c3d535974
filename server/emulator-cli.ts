import {
  EMULATOR_USAGE,
  parseEmulatorArgs,
  type EmulatorCliOptions,
} from './emulator/cli-options.ts'
import { openEmulator } from './emulator/emulator.ts'
import { errorMessage } from './error-message.ts'
import { exitOnSignal } from './exit-on-signal.ts'
import { startHttpServer } from './start-http-server.ts'

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${EMULATOR_USAGE}\n`)
    return
  }
  let options: EmulatorCliOptions
  try {
    options = parseEmulatorArgs(argv)
  } catch (error) {
    process.stderr.write(`emulator: ${errorMessage(error)}\n\n${EMULATOR_USAGE}\n`)
    process.exitCode = 2
    return
  }

  const { port, host, ...emulatorOptions } = options
  const emulator = openEmulator(emulatorOptions)
  let server
  try {
    server = await startHttpServer(emulator.fetch, { port, host })
  } catch (error) {
    emulator.close()
    throw error
  }

  exitOnSignal('emulator', server, emulator.close)

  process.stdout.write(
    `emulator listening on ${server.url}\n` +
      `demo token: ${emulator.demoToken}\n` +
      `other account token: ${emulator.otherAccountToken}\n`,
  )
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`emulator: ${errorMessage(error)}\n`)
  process.exit(1)
})
