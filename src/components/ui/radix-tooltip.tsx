import { Tooltip as RadixTooltip } from 'radix-ui'
import { useLayoutEffect, useRef, type ReactElement, type ReactNode } from 'react'
import './tooltip.css'

interface RadixTooltipProps {
  children: ReactElement
  content: ReactNode | (() => ReactNode)
  delayDuration: number
  /** Opens at once: the pointer has already rested on the trigger for the delay. */
  defaultOpen: boolean
  /** The trigger this one replaced had keyboard focus: focus this one, which opens the tooltip. */
  takeFocus: boolean
  onClose: () => void
}

/** The Radix tooltip behind `Tooltip` (./tooltip.tsx), loaded once a tooltip is first wanted. */
export function TooltipWithRadix({
  children,
  content,
  delayDuration,
  defaultOpen,
  takeFocus,
  onClose,
}: RadixTooltipProps) {
  const trigger = useRef<HTMLButtonElement>(null)
  useLayoutEffect(() => {
    const active = document.activeElement
    // Only if focus was lost with the replaced trigger, never taken from where it went since.
    if (takeFocus && (active === null || active === document.body)) trigger.current?.focus()
  }, [takeFocus])

  return (
    <RadixTooltip.Provider delayDuration={delayDuration}>
      <RadixTooltip.Root
        defaultOpen={defaultOpen}
        onOpenChange={(open) => {
          if (!open) onClose()
        }}
      >
        <RadixTooltip.Trigger asChild ref={trigger}>
          {children}
        </RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className="tooltip" side="top" sideOffset={6} collisionPadding={8}>
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
