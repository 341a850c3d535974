import { Tooltip as RadixTooltip } from 'radix-ui'
import {
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useRef,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react'
import './tooltip.css'

interface RadixTooltipProps {
  children: ReactElement
  content: ReactNode | (() => ReactNode)
  delayDuration: number
  /** Starts open: the pointer has already rested on the trigger for the delay. */
  openUnderPointer: boolean
  /** The trigger this one replaced had keyboard focus: focus this one, which opens the tooltip. */
  takeFocus: boolean
  onClose: () => void
}

/** The Radix tooltip behind `Tooltip` (./tooltip.tsx), loaded once a tooltip is first wanted. */
export function TooltipWithRadix({
  children,
  content,
  delayDuration,
  openUnderPointer,
  takeFocus,
  onClose,
}: RadixTooltipProps) {
  const trigger = useRef<HTMLButtonElement>(null)
  const bubble = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(openUnderPointer)
  const change = (next: boolean) => {
    setOpen(next)
    if (!next) onClose()
  }
  const close = useEffectEvent(() => change(false))

  useLayoutEffect(() => {
    const active = document.activeElement
    // Only if focus was lost with the replaced trigger, never taken from where it went since.
    if (takeFocus && (active === null || active === document.body)) trigger.current?.focus()
  }, [takeFocus])

  // Opened under a resting pointer, this trigger has not had the pointer's enter, so it would not
  // see it leave either: until the pointer moves over it (from then on Radix follows it), a move
  // anywhere but the trigger or the bubble closes the tooltip.
  useEffect(() => {
    if (!openUnderPointer) return
    const onMove = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null
      if (bubble.current?.contains(target)) return
      document.removeEventListener('pointermove', onMove)
      if (!trigger.current?.contains(target)) close()
    }
    document.addEventListener('pointermove', onMove)
    return () => document.removeEventListener('pointermove', onMove)
  }, [openUnderPointer])

  return (
    <RadixTooltip.Provider delayDuration={delayDuration}>
      <RadixTooltip.Root open={open} onOpenChange={change}>
        <RadixTooltip.Trigger asChild ref={trigger}>
          {children}
        </RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content
            ref={bubble}
            className="tooltip"
            side="top"
            sideOffset={6}
            collisionPadding={8}
          >
            {typeof content === 'function' ? <Deferred render={content} /> : content}
            <RadixTooltip.Arrow className="tooltip__arrow" />
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  )
}

/** Calls `render` when React renders it: only inside open tooltip content, never before. */
function Deferred({ render }: { render: () => ReactNode }) {
  return render()
}
