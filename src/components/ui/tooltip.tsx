import {
  cloneElement,
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type DOMAttributes,
  type FocusEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from 'react'
import { lazyModule, preload, useLazyModule } from '../../lib/lazy-module'
import { whenIdle } from '../../lib/when-idle'

const DELAY_MS = 300
const SKIP_DELAY_MS = 200

/**
 * Each tooltip starts as its bare trigger and becomes a Radix tooltip once hovered for the delay
 * or focused; Radix's code is fetched when the browser is first idle. Radix Tooltip up front would
 * cost the first render ~16 kB (brotli) of its 120 kB: docs/performance.md#the-tooltip.
 */
const radixTooltip = lazyModule(() =>
  import('./radix-tooltip').then(({ TooltipWithRadix }) => ({ TooltipWithRadix })),
)
let idlePreloadScheduled = false

/** The open delay every tooltip shares: none for a moment after one closes, so moving along is instant. */
function createDelays() {
  let skipping = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const listeners = new Set<() => void>()
  const set = (next: boolean) => {
    skipping = next
    for (const listener of listeners) listener()
  }
  return {
    current: () => (skipping ? 0 : DELAY_MS),
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    closed: () => {
      clearTimeout(timer)
      set(true)
      timer = setTimeout(() => set(false), SKIP_DELAY_MS)
    },
  }
}

type Delays = ReturnType<typeof createDelays>

const DelaysContext = createContext<Delays>(createDelays())

/** Wrap the app once: one hover delay for every tooltip, and instant moves between them. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  const [delays] = useState(createDelays)
  return <DelaysContext value={delays}>{children}</DelaysContext>
}

interface TooltipProps {
  /** A single focusable element: the tooltip opens on its hover and on keyboard focus. */
  children: ReactElement
  /**
   * What the tooltip says. A function is called only while the tooltip is open, so costly content
   * (formatted dates, long lists) is not built for every closed tooltip on the page.
   */
  content: ReactNode | (() => ReactNode)
  /** Asked each time it would first open: false leaves the trigger bare (a name cut short or not). */
  openIf?: (trigger: HTMLElement) => boolean
}

type Wanted = 'hover' | 'focus'

export function Tooltip({ children, content, openIf }: TooltipProps) {
  const delays = useContext(DelaysContext)
  const radix = useLazyModule(radixTooltip)
  const [wanted, setWanted] = useState<Wanted | null>(null)
  const trigger = children as ReactElement<DOMAttributes<HTMLElement>>
  const handlers = useWantHandlers(trigger.props, delays, setWanted, openIf)

  useEffect(() => {
    if (idlePreloadScheduled) return
    idlePreloadScheduled = true
    whenIdle(() => preload(radixTooltip))
  }, [])

  if (wanted === null || !radix) return cloneElement(trigger, handlers)
  return (
    <ArmedTooltip
      delays={delays}
      render={(delayDuration) => (
        <radix.TooltipWithRadix
          content={content}
          delayDuration={delayDuration}
          openUnderPointer={wanted === 'hover'}
          takeFocus={wanted === 'focus'}
          onClose={delays.closed}
        >
          {children}
        </radix.TooltipWithRadix>
      )}
    />
  )
}

/**
 * The bare trigger's handlers (composed with its own): a pointer resting for the delay, or keyboard
 * focus, loads the Radix tooltip and asks for it, if the pointer or focus is still there then.
 */
function useWantHandlers(
  own: DOMAttributes<HTMLElement>,
  delays: Delays,
  setWanted: (how: Wanted) => void,
  openIf: TooltipProps['openIf'],
): DOMAttributes<HTMLElement> {
  const hover = useRef<{ timer?: ReturnType<typeof setTimeout>; inside: boolean }>({
    inside: false,
  })
  const pressed = useRef(false)
  useEffect(() => () => clearTimeout(hover.current.timer), [])

  const want = (how: Wanted, element: HTMLElement, stillWanted: () => boolean) => {
    if (openIf?.(element) === false) return
    radixTooltip.load().then(
      () => {
        if (stillWanted()) setWanted(how)
      },
      () => {}, // no tooltip this time; the next hover or focus tries again
    )
  }
  return {
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      own.onPointerEnter?.(event)
      if (event.pointerType === 'touch') return
      preload(radixTooltip)
      hover.current.inside = true
      clearTimeout(hover.current.timer)
      const element = event.currentTarget
      hover.current.timer = setTimeout(
        () => want('hover', element, () => hover.current.inside && !pressed.current),
        delays.current(),
      )
    },
    onPointerLeave: (event: PointerEvent<HTMLElement>) => {
      own.onPointerLeave?.(event)
      hover.current.inside = false
      clearTimeout(hover.current.timer)
    },
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      own.onPointerDown?.(event)
      // A press cancels a pending hover open, and the focus it gives is not keyboard focus: until
      // its click (a tap focuses after its pointerup; a tooltip armed then would re-wrap the
      // trigger under that click), or the next key.
      clearTimeout(hover.current.timer)
      pressed.current = true
      const release = () => {
        pressed.current = false
        document.removeEventListener('click', release, true)
        document.removeEventListener('keydown', release, true)
      }
      document.addEventListener('click', release, true)
      document.addEventListener('keydown', release, true)
    },
    onFocus: (event: FocusEvent<HTMLElement>) => {
      own.onFocus?.(event)
      if (pressed.current) return
      const element = event.currentTarget
      want('focus', element, () => element === document.activeElement)
    },
  }
}

/** Re-renders an active Radix tooltip when the shared delay changes. */
function ArmedTooltip({
  delays,
  render,
}: {
  delays: Delays
  render: (delayDuration: number) => ReactNode
}) {
  return render(useSyncExternalStore(delays.subscribe, delays.current, delays.current))
}
