import { describe, expect, it } from 'vitest'
import { parseEmulatorArgs } from './cli-options.ts'

describe('parseEmulatorArgs', () => {
  it('has the documented defaults', () => {
    expect(parseEmulatorArgs([])).toEqual({
      port: 4010,
      host: '127.0.0.1',
      db: '.data/emulator.sqlite',
      seed: 'demo',
      latencyMs: 0,
      rateLimitPerMinute: undefined,
    })
  })

  it('lets the caller change the default port', () => {
    expect(parseEmulatorArgs([], { port: 4173 }).port).toBe(4173)
    expect(parseEmulatorArgs(['--port', '9'], { port: 4173 }).port).toBe(9)
  })

  it('parses every flag, in both --flag value and --flag=value forms', () => {
    expect(
      parseEmulatorArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--db',
        ':memory:',
        '--seed',
        '500',
        '--latency=250',
        '--rate-limit',
        '30',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      db: ':memory:',
      seed: 500,
      latencyMs: 250,
      rateLimitPerMinute: 30,
    })
  })

  it.each(['demo', 'empty'])('accepts --seed %s', (seed) => {
    expect(parseEmulatorArgs(['--seed', seed]).seed).toBe(seed)
  })

  it.each([
    [['--port', 'abc'], /--port/],
    [['--port', '65536'], /--port/],
    [['--port', '-1'], /port/],
    [['--port', '1.5'], /--port/],
    [['--seed', 'lots'], /--seed/],
    [['--seed', '-3'], /seed/],
    [['--seed', '100001'], /--seed/],
    [['--latency', 'slow'], /--latency/],
    [['--rate-limit', '0'], /--rate-limit/],
    [['--rate-limit', '2.5'], /--rate-limit/],
    [['--db', ''], /--db/],
    [['--host', ' '], /--host/],
    [['--verbose'], /verbose/],
    [['extra'], /extra/],
    [['--port'], /port/],
  ])('rejects %j with a message naming the problem', (argv, message) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(message)
  })
})
