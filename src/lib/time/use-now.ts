import { useContext, useSyncExternalStore } from 'react'
import { ServerRenderContext, type ServerRender } from '../ssr/server-render'

const TICK_MS = 30_000

/** The locale and zone dates are written in: the browser's own (both unset), or a server render's. */
export interface DisplayZone {
  locale?: string
  timeZone?: string
}

const BROWSER_ZONE: DisplayZone = {}

/**
 * One shared clock for every relative time on the page: it ticks every 30 s while anything
 * listens, and again when the tab becomes visible, so "2 minutes ago" never goes stale.
 */
const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null

function tick() {
  now = Date.now()
  for (const listener of listeners) listener()
}

function onVisibility() {
  if (document.visibilityState === 'visible') tick()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (timer === null) {
    now = Date.now()
    timer = setInterval(tick, TICK_MS)
    document.addEventListener('visibilitychange', onVisibility)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer)
      timer = null
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }
}

/**
 * For `useSyncExternalStore`'s third argument: what a server render saw, which React also uses
 * while it hydrates that render (so the two agree), then never again in this component.
 */
function serverSnapshot<T>(server: ServerRender | null, read: (server: ServerRender) => T) {
  return server === null ? undefined : () => read(server)
}

/** The clock's time. The component re-renders on every tick: prefer `useNowSelect` in lists. */
export function useNow(): number {
  const server = useContext(ServerRenderContext)
  return useSyncExternalStore(
    subscribe,
    () => now,
    serverSnapshot(server, (rendered) => rendered.now),
  )
}

/**
 * What a component shows of the clock: it re-renders only when `select`'s result changes, so a
 * tick re-renders the cells whose text moves ("2 minutes ago" → "3 minutes ago") and no others.
 * `select` must return a primitive (compared with Object.is), e.g. the formatted text, and write
 * any date in the `zone` it is given.
 */
export function useNowSelect<T extends string | number | boolean | null>(
  select: (now: number, zone: DisplayZone) => T,
): T {
  const server = useContext(ServerRenderContext)
  return useSyncExternalStore(
    subscribe,
    () => select(now, BROWSER_ZONE),
    serverSnapshot(server, (rendered) => select(rendered.now, rendered)),
  )
}

const never = () => () => {}

/** The locale and zone to write dates in: the server render's while hydrating it, else the browser's. */
export function useDisplayZone(): DisplayZone {
  const server = useContext(ServerRenderContext)
  return useSyncExternalStore(
    never,
    () => BROWSER_ZONE,
    serverSnapshot(server, (rendered): DisplayZone => rendered),
  )
}
