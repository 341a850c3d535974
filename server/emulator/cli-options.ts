import { parseArgs } from 'node:util'
import { errorMessage } from '../error-message.ts'
import { MAX_SEED_TOKENS, type SeedMode } from './seed.ts'

export interface EmulatorCliOptions {
  port: number
  host: string
  db: string
  seed: SeedMode
  latencyMs: number
  rateLimitPerMinute: number | undefined
}

const DEFAULT_PORT = 4010
const DEFAULT_HOST = '127.0.0.1'
const DEFAULT_DB = '.data/emulator.sqlite'

export const EMULATOR_USAGE = `Usage: npm run emulator -- [options]

  --port N            port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --host H            interface to bind (default ${DEFAULT_HOST})
  --db PATH|:memory:  SQLite file, created if missing (default ${DEFAULT_DB})
  --seed demo|empty|N seed for an empty db (default demo)
  --latency MS        delay every response by MS milliseconds (default 0)
  --rate-limit N      allow N requests per minute per token (default: no limit)`

function integer(flag: string, value: string, min: number, max: number): number {
  const trimmed = value.trim()
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < min || Number(trimmed) > max) {
    throw new Error(`--${flag} must be an integer from ${min} to ${max}, got "${value}".`)
  }
  return Number(trimmed)
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new Error(`--${flag} must not be empty.`)
  return value
}

function parseSeed(value: string): SeedMode {
  if (value === 'demo' || value === 'empty') return value
  if (/^\d+$/.test(value.trim())) return integer('seed', value, 0, MAX_SEED_TOKENS)
  throw new Error(`--seed must be demo, empty or a number of tokens, got "${value}".`)
}

/** Parses the emulator flags (strict: unknown flags and positionals are errors). */
export function parseEmulatorArgs(
  argv: string[],
  defaults: { port?: number } = {},
): EmulatorCliOptions {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
        'rate-limit': { type: 'string' },
      },
    }))
  } catch (error) {
    throw new Error(errorMessage(error))
  }
  const rateLimit = values['rate-limit']
  return {
    port:
      values.port === undefined
        ? (defaults.port ?? DEFAULT_PORT)
        : integer('port', values.port, 0, 65_535),
    host: values.host === undefined ? DEFAULT_HOST : nonEmpty('host', values.host),
    db: values.db === undefined ? DEFAULT_DB : nonEmpty('db', values.db),
    seed: values.seed === undefined ? 'demo' : parseSeed(values.seed),
    latencyMs: values.latency === undefined ? 0 : integer('latency', values.latency, 0, 600_000),
    rateLimitPerMinute:
      rateLimit === undefined ? undefined : integer('rate-limit', rateLimit, 1, 1_000_000),
  }
}
