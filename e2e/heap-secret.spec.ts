// After a reload, the page's memory holds no copy of the secret it signed in with (issue 21): the
// serve command keeps it in a sealed HttpOnly cookie, so nothing the page loads can bring it back.
import type { CDPSession } from '@playwright/test'
import { expect, signIn, test, tokenRow, uniqueName } from './fixtures.ts'

/** The page's whole JavaScript heap, as V8 writes a heap snapshot (every string in it). */
async function heapSnapshot(session: CDPSession): Promise<string> {
  const chunks: string[] = []
  session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk))
  await session.send('HeapProfiler.enable')
  await session.send('HeapProfiler.collectGarbage')
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  return chunks.join('')
}

test('after a reload, a heap snapshot of the signed-in page holds no part of the secret', async ({
  page,
  demoApi,
  playwright,
  baseURL,
}) => {
  const name = uniqueName('E2E heap')
  const { token: secret, metadata } = await demoApi.createToken({ name, scopes: ['jobs:read'] })
  try {
    await signIn(page, secret)
    await expect(tokenRow(page, name).getByText('This session')).toBeVisible()

    await page.reload()
    await expect(tokenRow(page, name).getByText('This session')).toBeVisible()
    const snapshot = await heapSnapshot(await page.context().newCDPSession(page))
    // The search works: the snapshot holds what the page shows (the token's name).
    expect(snapshot.includes(name), 'the snapshot holds the page’s data').toBe(true)
    // Compared, not printed: the whole token, and its secret part alone.
    expect(snapshot.includes(secret), 'the whole secret in the heap').toBe(false)
    const secretPart = secret.slice(secret.lastIndexOf('_') + 1)
    expect(snapshot.includes(secretPart), 'its secret part in the heap').toBe(false)
  } finally {
    // Used "now", an active token would sort above the seeded rows that later tests of this worker
    // look for (they share its emulator), and count against the 25 active tokens. A client of its
    // own: the fixture's pooled connection may have idled past the server's 5 s keep-alive, and a
    // request racing its close is reset.
    const api = await playwright.request.newContext({ baseURL })
    const revoked = await api.delete(`/api/public/v1/tokens/${metadata.id}`, {
      headers: { Authorization: `Bearer ${demoApi.demoToken}` },
    })
    expect(revoked.status()).toBe(200)
    await api.dispose()
  }
})
