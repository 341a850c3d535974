import { formatExactTime, formatRelativeTime } from '../lib/format-time'
import { parseTimestamp } from '../lib/parse-timestamp'
import { useNow } from '../lib/use-now'
import { Tooltip } from './ui/tooltip'
import './timestamp.css'

interface TimestampProps {
  /** An ISO date-time from the API. */
  value: string
  /** Words before the exact time in the tooltip, e.g. "Last used". */
  label: string
}

/**
 * A relative time ("3 hours ago") in the browser's locale; hovering or focusing it shows the exact
 * moment in the local zone and in UTC.
 */
export function Timestamp({ value, label }: TimestampProps) {
  const now = useNow()
  const at = parseTimestamp(value)
  if (at === null) return <span>{value}</span>
  return (
    <Tooltip
      content={() => (
        <dl className="timestamp-detail">
          <dt>{label}</dt>
          <dd>{formatExactTime(at)}</dd>
          <dt>UTC</dt>
          <dd>{formatExactTime(at, undefined, 'UTC')}</dd>
        </dl>
      )}
    >
      {/* Focusable so keyboard users get the exact time too (WCAG 1.4.13 tooltip on focus). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <time className="timestamp" dateTime={value} tabIndex={0}>
        {formatRelativeTime(at, now)}
      </time>
    </Tooltip>
  )
}
