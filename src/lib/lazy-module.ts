import { useSyncExternalStore } from 'react'

/**
 * Code the first render does not need, fetched on demand: `load()` starts the download once (a
 * failed one may be tried again), and `useLazyModule` renders with the value once it is there.
 * Unlike React.lazy nothing suspends, so a component can show its light stand-in meanwhile.
 */
export interface LazyModule<T> {
  load: () => Promise<T>
  /** The value once loaded, else `undefined`. */
  current: () => T | undefined
  subscribe: (listener: () => void) => () => void
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined
  let loading: Promise<T> | undefined
  const listeners = new Set<() => void>()
  return {
    load: () => {
      loading ??= importer().then(
        (loaded) => {
          value = loaded
          for (const listener of listeners) listener()
          return loaded
        },
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )
      return loading
    },
    current: () => value,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The module's value once loaded (re-renders then), else `undefined`. Does not start loading. */
export function useLazyModule<T>(module: LazyModule<T>): T | undefined {
  return useSyncExternalStore(module.subscribe, module.current, module.current)
}

/** Starts loading without waiting: a failure is retried by the next `load()`. */
export function preload(module: LazyModule<unknown>): void {
  module.load().catch(() => {})
}
