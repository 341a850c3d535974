import type { QueryClient } from '@tanstack/react-query'
import type { AnyRouter } from '@tanstack/react-router'
import { getSessionSnapshot } from '../features/session/api/session-store'
import { reactStateText } from './react-state-text'

/** JSON that keeps an Error's message and stack (JSON.stringify drops them: not enumerable). */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field instanceof Error
      ? { ...field, name: field.name, message: field.message, stack: field.stack }
      : field,
  )
}

/**
 * The parts of `token` that must not be left behind: the whole token and its secret part (after
 * the last `_`, docs/api-contract.md D11), which a store or a message could hold alone.
 */
function partsOf(token: string): string[] {
  return [token, token.slice(token.lastIndexOf('_') + 1)]
}

/**
 * Where the app still holds `token` (cookies it can read, storage, the query and mutation caches, the session store, the
 * router's location, the markup, React's state), by name and never by text, so a failing assertion
 * does not print the secret.
 */
export function placesHoldingToken(
  token: string,
  {
    queryClient,
    router,
    container,
  }: { queryClient: QueryClient; router: AnyRouter; container: Element },
): string[] {
  const places: Record<string, string> = {
    'the cookies the page can read': document.cookie,
    sessionStorage: toJson({ ...window.sessionStorage }),
    localStorage: toJson({ ...window.localStorage }),
    'the query cache': toJson(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => ({ key: query.queryKey, state: query.state })),
    ),
    'the mutation cache': toJson(
      queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => ({ key: mutation.options.mutationKey, state: mutation.state })),
    ),
    'the session store': toJson(getSessionSnapshot()),
    "the router's location": toJson(router.state.location),
    'the DOM': document.body.innerHTML,
    "React's state": reactStateText(container),
  }
  const parts = partsOf(token)
  return Object.entries(places)
    .filter(([, text]) => parts.some((part) => text.includes(part)))
    .map(([where]) => where)
}
