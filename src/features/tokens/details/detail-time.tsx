import { formatExactTime, formatRelativeTime } from '../../../lib/time/format-time'
import { parseTimestamp } from '../../../lib/time/parse-timestamp'
import { useNowSelect } from '../../../lib/time/use-now'

/**
 * A moment spelled out for an audit, without hovering: "3 months ago", then the exact time in the
 * browser's zone and in UTC (one line when they are the same zone).
 */
export function DetailTime({ value }: { value: string }) {
  const at = parseTimestamp(value)
  const relative = useNowSelect((now) => (at === null ? null : formatRelativeTime(at, now)))
  // Unreadable: shown as written.
  if (at === null || relative === null) return <span>{value}</span>
  const local = formatExactTime(at)
  const utc = formatExactTime(at, undefined, 'UTC')
  return (
    <span className="detail-time">
      <time dateTime={value}>{relative}</time>
      <span>{local === utc ? `${utc}, your time zone` : local}</span>
      {local !== utc && <span>{utc}</span>}
    </span>
  )
}
