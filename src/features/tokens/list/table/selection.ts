import type { Token } from '../../api/token-schema'
import { deriveTokenState } from '../../common/token-state'

/** Whether a revoke would change anything: not already revoked or expired (its row has Revoke). */
export function isRevocable(token: Token, now: number): boolean {
  const { kind } = deriveTokenState(token, now)
  return kind !== 'revoked' && kind !== 'expired'
}

/**
 * A click on a row's checkbox: it flips that row, or with Shift every row from the last one
 * clicked (`anchor`) to it, in the order shown, all to the state the clicked row takes. `order` is
 * the selectable rows in view; an anchor no longer among them makes it a plain click.
 */
export function toggleSelection(
  selected: ReadonlySet<string>,
  id: string,
  order: readonly string[],
  anchor: string | null,
  range: boolean,
): Set<string> {
  const next = new Set(selected)
  const on = !selected.has(id)
  const from = anchor === null ? -1 : order.indexOf(anchor)
  const to = order.indexOf(id)
  const ids =
    range && from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id]
  for (const each of ids) {
    if (on) next.add(each)
    else next.delete(each)
  }
  return next
}
