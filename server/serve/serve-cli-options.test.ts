import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SERVE_USAGE, parseServeArgs } from './serve-cli-options.ts'

describe('parseServeArgs', () => {
  it('has no bench pages by default and passes the other flags to the emulator’s parser', () => {
    expect(parseServeArgs(['--seed', '25', '--db', ':memory:'], { port: 8080 })).toMatchObject({
      port: 8080,
      seed: 25,
      db: ':memory:',
      benchPagesDir: undefined,
    })
  })

  it('takes --bench-pages DIR in both forms, resolved', () => {
    expect(parseServeArgs(['--bench-pages', 'bench/pages', '--port', '0']).benchPagesDir).toBe(
      resolve('bench/pages'),
    )
    expect(parseServeArgs(['--bench-pages=/tmp/pages']).benchPagesDir).toBe('/tmp/pages')
  })

  it('rejects a missing directory and unknown flags', () => {
    expect(() => parseServeArgs(['--bench-pages'])).toThrow('--bench-pages needs a directory.')
    expect(() => parseServeArgs(['--bench-pages', '--port', '0'])).toThrow('needs a directory')
    expect(() => parseServeArgs(['--bench'])).toThrow()
  })

  it('documents every flag it takes', () => {
    for (const flag of ['--port', '--host', '--bench-pages', '--db', '--seed', '--latency']) {
      expect(SERVE_USAGE).toContain(flag)
    }
  })
})
