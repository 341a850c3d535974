import { formatCalendarDate, formatExactTime, formatRelativeTime } from '../lib/time/format-time'
import { parseTimestamp } from '../lib/time/parse-timestamp'
import { useNowSelect } from '../lib/time/use-now'
import { Tooltip } from './ui/tooltip'
import './timestamp.css'

interface TimestampProps {
  /** An ISO date-time from the API. */
  value: string
  /** Words before the exact time in the tooltip, e.g. "Last used". */
  label: string
  /** 0 (default) puts it in the tab order; -1 leaves it to a composite widget's arrow keys. */
  tabIndex?: number
  /** Also show the calendar date on a second line ("Nov 28, 2026"), for audits without hovering. */
  withDate?: boolean
  /** A sentence under the exact times in the tooltip. */
  note?: string
}

/**
 * A relative time ("3 hours ago") in the browser's locale, with the calendar date under it on
 * request; hovering or focusing it shows the exact moment in the local zone and in UTC (once, when
 * the local zone is UTC).
 */
export function Timestamp({ value, label, tabIndex = 0, withDate = false, note }: TimestampProps) {
  const at = parseTimestamp(value)
  // Re-renders when the text changes ("2 minutes ago" → "3 minutes ago"), not on every tick.
  const relative = useNowSelect((now, zone) =>
    at === null ? null : formatRelativeTime(at, now, zone.locale),
  )
  const date = useNowSelect((_, zone) =>
    at === null || !withDate ? null : formatCalendarDate(at, zone),
  )
  if (at === null || relative === null) {
    // Unreadable: shown as written, and still focusable where a time would be.
    return <span tabIndex={tabIndex}>{value}</span>
  }
  const time = (
    <Tooltip
      content={() => {
        const local = formatExactTime(at)
        const utc = formatExactTime(at, undefined, 'UTC')
        return (
          <>
            <dl className="timestamp-detail">
              <dt>{label}</dt>
              <dd>{local}</dd>
              {/* A browser in UTC: the time above already says "UTC". */}
              {local !== utc && (
                <>
                  <dt>UTC</dt>
                  <dd>{utc}</dd>
                </>
              )}
            </dl>
            {note && <p className="timestamp-note">{note}</p>}
          </>
        )
      }}
    >
      {/* Focusable so keyboard users get the exact time too (WCAG 1.4.13 tooltip on focus). */}
      <time className="timestamp" dateTime={value} tabIndex={tabIndex}>
        {relative}
      </time>
    </Tooltip>
  )
  if (!withDate) return time
  return (
    <span className="timestamp-with-date">
      {time}
      <span className="timestamp-date">{date}</span>
    </span>
  )
}
