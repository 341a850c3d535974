// Runs once, before any worker starts: builds `dist/` and `dist-ssr/` when missing or stale, so the serve
// commands the workers start (one each, see fixtures.ts) find it fresh and never race to build it.
import { join } from 'node:path'
import { ensureBuild } from '../server/serve/ensure-build.ts'
import { rootDir } from './serve.ts'

export default async function globalSetup(): Promise<void> {
  await ensureBuild(rootDir, join(rootDir, 'dist'), join(rootDir, 'dist-ssr'))
}
