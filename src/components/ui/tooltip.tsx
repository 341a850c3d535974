import { Tooltip as RadixTooltip } from 'radix-ui'
import type { ReactElement, ReactNode } from 'react'
import './tooltip.css'

/** Wrap the app once: one hover delay for every tooltip, and instant moves between them. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={300} skipDelayDuration={200}>
      {children}
    </RadixTooltip.Provider>
  )
}

interface TooltipProps {
  /** A single focusable element: the tooltip opens on its hover and on keyboard focus. */
  children: ReactElement
  /**
   * What the tooltip says. A function is called only while the tooltip is open, so costly content
   * (formatted dates, long lists) is not built for every closed tooltip on the page.
   */
  content: ReactNode | (() => ReactNode)
}

export function Tooltip({ children, content }: TooltipProps) {
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" side="top" sideOffset={6} collisionPadding={8}>
          {typeof content === 'function' ? <Deferred render={content} /> : content}
          <RadixTooltip.Arrow className="tooltip__arrow" />
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  )
}

/** Calls `render` when React renders it: only inside open tooltip content, never before. */
function Deferred({ render }: { render: () => ReactNode }) {
  return render()
}
