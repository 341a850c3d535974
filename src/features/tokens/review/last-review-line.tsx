import { Link } from '@tanstack/react-router'
import { formatCalendarDate } from '../../../lib/time/format-time'
import { useDisplayZone } from '../../../lib/time/use-now'
import { DAY_MS } from '../common/token-state'
import { REVIEW_DUE_AFTER_DAYS, useLastReview } from './last-review'
import './last-review-line.css'

function daysAgoText(days: number): string {
  if (days <= 0) return 'today'
  if (days === 1) return 'yesterday'
  return `${days} days ago`
}

/**
 * "Last access review: Sep 12, 2026, 84 days ago", from this browser's last applied review for the
 * account, with a gentle nudge once it is more than 90 days old. Nothing before the first one.
 */
export function LastReviewLine({ accountId, now }: { accountId: string; now: number }) {
  const appliedAt = useLastReview(accountId)
  const zone = useDisplayZone()
  if (appliedAt === null) return null
  const days = Math.max(0, Math.floor((now - appliedAt) / DAY_MS))
  const due = days > REVIEW_DUE_AFTER_DAYS
  return (
    <p className={`last-review${due ? ' last-review--due' : ''}`}>
      Last access review: {formatCalendarDate(appliedAt, zone)}, {daysAgoText(days)}
      {due ? ': time for another one.' : '.'}{' '}
      <Link to="/review" search={{ view: 'record', show: 'all' }}>
        View record
      </Link>
    </p>
  )
}
