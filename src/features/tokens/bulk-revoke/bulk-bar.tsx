import type { Ref } from 'react'
import { Button } from '../../../components/ui/button'

interface BulkBarProps {
  selected: number
  /** Rows in view that can be selected (not revoked or expired). */
  selectable: number
  stale: number
  onSelectAll: (on: boolean) => void
  onRevokeSelected: () => void
  onReviewStale: () => void
  barRef: Ref<HTMLDivElement>
}

/** What to do with the selected rows; with none, the way to the stale ones. */
export function BulkBar({
  selected,
  selectable,
  stale,
  onSelectAll,
  onRevokeSelected,
  onReviewStale,
  barRef,
}: BulkBarProps) {
  if (selected === 0 && stale === 0) return null
  return (
    <div className="bulk-bar" ref={barRef}>
      {selected === 0 ? (
        <Button variant="secondary" onClick={onReviewStale}>
          Review {stale} stale {stale === 1 ? 'token' : 'tokens'}
        </Button>
      ) : (
        <>
          <span className="bulk-bar__count" role="status">
            {selected} selected
          </span>
          {selected < selectable && (
            <Button variant="quiet" onClick={() => onSelectAll(true)}>
              Select all {selectable}
            </Button>
          )}
          <Button variant="quiet" onClick={() => onSelectAll(false)}>
            Clear
          </Button>
          <Button variant="danger" aria-haspopup="dialog" onClick={onRevokeSelected}>
            Revoke selected…
          </Button>
        </>
      )}
    </div>
  )
}
