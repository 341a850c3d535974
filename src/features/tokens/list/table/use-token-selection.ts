import { useMemo, useState } from 'react'
import type { Token } from '../../api/token-schema'
import { isRevocable, toggleSelection } from './selection'

/**
 * The rows ticked for "Revoke selected". Only what is in view and can still be revoked counts: a
 * person checks the rows they see before revoking, so a filter change never leaves hidden rows
 * selected behind it, and a token revoked (here or elsewhere) leaves the selection by itself.
 */
export function useTokenSelection(visible: readonly Token[], now: number) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const [anchor, setAnchor] = useState<string | null>(null)
  const order = useMemo(
    () => visible.filter((token) => isRevocable(token, now)).map((token) => token.id),
    [visible, now],
  )
  const ids = useMemo(() => new Set(order.filter((id) => selected.has(id))), [order, selected])
  return {
    ids,
    selectable: order.length,
    toggle: (id: string, range: boolean) => {
      setSelected((current) => toggleSelection(current, id, order, anchor, range))
      setAnchor(id)
    },
    selectAll: (on: boolean) => setSelected(new Set(on ? order : [])),
    replace: (next: Iterable<string>) => setSelected(new Set(next)),
  }
}
