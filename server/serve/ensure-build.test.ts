import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isBuildStale } from './ensure-build.ts'

function project() {
  const root = mkdtempSync(join(tmpdir(), 'ensure-build-'))
  mkdirSync(join(root, 'src', 'deep'), { recursive: true })
  writeFileSync(join(root, 'src', 'deep', 'a.ts'), 'x')
  writeFileSync(join(root, 'index.html'), 'x')
  return root
}

function touch(path: string, seconds: number) {
  utimesSync(path, seconds, seconds)
}

describe('isBuildStale', () => {
  it('is stale without a build', () => {
    const root = project()
    expect(isBuildStale(root, join(root, 'dist'), join(root, 'dist-ssr'))).toBe(true)
  })

  it('is stale when the server render is missing or older than a source', () => {
    const root = project()
    mkdirSync(join(root, 'dist'))
    writeFileSync(join(root, 'dist', 'index.html'), 'built')
    for (const path of ['src', 'src/deep', 'src/deep/a.ts', 'index.html'])
      touch(join(root, path), 1000)
    touch(join(root, 'dist', 'index.html'), 2000)
    expect(isBuildStale(root, join(root, 'dist'), join(root, 'dist-ssr'))).toBe(true)

    mkdirSync(join(root, 'dist-ssr'))
    writeFileSync(join(root, 'dist-ssr', 'entry-server.js'), 'built')
    touch(join(root, 'dist-ssr', 'entry-server.js'), 500)
    expect(isBuildStale(root, join(root, 'dist'), join(root, 'dist-ssr'))).toBe(true)
  })

  it('is fresh when the build is newer than every source, stale when a nested source changes', () => {
    const root = project()
    mkdirSync(join(root, 'dist'))
    mkdirSync(join(root, 'dist-ssr'))
    writeFileSync(join(root, 'dist', 'index.html'), 'built')
    writeFileSync(join(root, 'dist-ssr', 'entry-server.js'), 'built')
    for (const path of ['src', 'src/deep', 'src/deep/a.ts', 'index.html'])
      touch(join(root, path), 1000)
    touch(join(root, 'dist', 'index.html'), 2000)
    touch(join(root, 'dist-ssr', 'entry-server.js'), 2000)
    expect(isBuildStale(root, join(root, 'dist'), join(root, 'dist-ssr'))).toBe(false)

    touch(join(root, 'src', 'deep', 'a.ts'), 3000)
    expect(isBuildStale(root, join(root, 'dist'), join(root, 'dist-ssr'))).toBe(true)
  })
})
