import { errorMessage } from './error-message.ts'
import type { StartedHttpServer } from './start-http-server.ts'

/**
 * On the first SIGINT or SIGTERM: stops the server, then calls `release` (closing the db), then
 * exits 0. A failed close is reported but still exits 0: the process is leaving either way, and
 * every write was on disk before its response (D17).
 */
export function exitOnSignal(label: string, server: StartedHttpServer, release: () => void): void {
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    server
      .close()
      .catch((error: unknown) => process.stderr.write(`${label}: ${errorMessage(error)}\n`))
      .finally(() => {
        release()
        process.exit(0)
      })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
