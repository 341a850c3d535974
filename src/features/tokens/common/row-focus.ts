/**
 * The name button of a drawn token row (rows scrolled away are not in the DOM), or, on a page
 * without the table (the access review's record), the element marked as the token's place.
 */
export function rowNameButton(id: string): HTMLElement | null {
  const escaped = CSS.escape(id)
  return document.querySelector<HTMLElement>(
    `[data-token-id="${escaped}"] [role="rowheader"] button, [data-token-focus="${escaped}"]`,
  )
}

/** The details drawer (or other dialog) an element is in, if any. */
export function dialogOf(element: Element | null): HTMLElement | null {
  return element?.closest<HTMLElement>('[role="dialog"]') ?? null
}

/**
 * Where focus goes once an action on a token removed the control that had it (a Revoke, a failed
 * revoke's note): back into the details drawer when the action came from there, else to the
 * token's row.
 */
export function focusNearToken(id: string, fromDialog: HTMLElement | null): void {
  ;(fromDialog?.isConnected ? fromDialog : rowNameButton(id))?.focus()
}
