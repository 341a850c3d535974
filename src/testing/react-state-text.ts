/**
 * Every string reachable from the root fiber in `container` (alternates, state, props, hooks,
 * contexts and what they point to) without calling a getter, minus DOM nodes, window and storage; a
 * value kept only in a closure is not found. Self-contained, so an e2e test can run it in the page.
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
