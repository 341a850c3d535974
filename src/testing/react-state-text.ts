/**
 * Every string React still holds for the root rendered into `container`: walked from its root
 * fiber through every object reachable from there (each fiber and its alternate, memoizedState and
 * memoizedProps, hooks and their update queues, contexts, and whatever those point to, such as the
 * query client and the router), without calling a getter. DOM nodes, the window and storage are
 * left out: the DOM and storage are searched on their own. Closures cannot be read, so a value
 * kept only in one is not found.
 *
 * Self-contained, so an end-to-end test can run it in the page (`locator.evaluate`).
 */
export function reactStateText(container: Element): string {
  const rootKey = Object.keys(container).find((key) => key.startsWith('__reactContainer$'))
  if (rootKey === undefined) throw new Error('No React root was rendered into this element.')
  const seen = new Set<object>()
  const strings = new Set<string>()
  const pending: unknown[] = [(container as unknown as Record<string, unknown>)[rootKey]]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value === 'string') {
      strings.add(value)
      continue
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) continue
    seen.add(value)
    if (value instanceof Node || value === window || value instanceof Storage) continue
    if (value instanceof Map) {
      for (const [key, entry] of value) pending.push(key, entry)
      continue
    }
    if (value instanceof Set) {
      for (const entry of value) pending.push(entry)
      continue
    }
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
      if ('value' in descriptor) pending.push(descriptor.value)
    }
  }
  return [...strings].join('\n')
}
