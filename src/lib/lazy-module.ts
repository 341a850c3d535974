import { useEffect, useEffectEvent, useSyncExternalStore } from 'react'
import { whenIdle } from './when-idle'

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

/** Nothing is loaded in a server render, nor in the render that hydrates it (they must agree). */
const notLoaded = () => undefined

/** The module's value once loaded (re-renders then), else `undefined`. Does not start loading. */
export function useLazyModule<T>(module: LazyModule<T>): T | undefined {
  return useSyncExternalStore(module.subscribe, module.current, notLoaded)
}

/** Starts loading without waiting: a failure is retried by the next `load()`. */
export function preload(module: LazyModule<unknown>): void {
  module.load().catch(() => {})
}

/**
 * A component's code that loads after the first render and shows on request (a dialog): fetched
 * once the browser is idle, so the request usually finds it here, and at once when `requested`.
 * If the fetch fails, `onDrop` drops the request; the next one tries again.
 */
export function useDeferredModule<T>(
  module: LazyModule<T>,
  requested: boolean,
  onDrop: () => void,
): T | undefined {
  const loaded = useLazyModule(module)
  const drop = useEffectEvent(onDrop)
  useEffect(() => whenIdle(() => preload(module)), [module])
  useEffect(() => {
    if (requested) module.load().catch(drop)
  }, [module, requested])
  return loaded
}
