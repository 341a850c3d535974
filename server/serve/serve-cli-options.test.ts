import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SERVE_USAGE, networkWarning, parseServeArgs } from './serve-cli-options.ts'

describe('parseServeArgs', () => {
  it('has no bench pages by default and passes the other flags to the emulator’s parser', () => {
    expect(parseServeArgs(['--seed', '25', '--db', ':memory:'], { port: 8080 })).toMatchObject({
      port: 8080,
      seed: 25,
      db: ':memory:',
      benchPagesDir: undefined,
      shareDemoToken: false,
      dev: false,
    })
  })

  it('takes --dev (npm run dev) beside the emulator’s flags', () => {
    expect(parseServeArgs(['--dev', '--seed', '25'])).toMatchObject({ dev: true, seed: 25 })
  })

  it('takes --share-demo-token beside the other flags', () => {
    expect(parseServeArgs(['--host', '0.0.0.0', '--share-demo-token'])).toMatchObject({
      host: '0.0.0.0',
      shareDemoToken: true,
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
    for (const flag of [
      '--port',
      '--host',
      '--bench-pages',
      '--share-demo-token',
      '--db',
      '--seed',
      '--latency',
    ]) {
      expect(SERVE_USAGE).toContain(flag)
    }
  })
})

describe('networkWarning', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1'])('has nothing to say on %s', (host) => {
    expect(networkWarning(host, { shareDemoToken: false })).toBeNull()
  })

  it.each(['0.0.0.0', '::', '192.168.1.20'])('warns when the console listens on %s', (host) => {
    const warning = networkWarning(host, { shareDemoToken: false }) ?? ''
    expect(warning).toMatch(/^warning: listening on /)
    expect(warning).toContain(host)
    expect(warning).toContain('only to this machine')
    expect(networkWarning(host, { shareDemoToken: true })).toContain('to anyone who opens it')
  })
})
