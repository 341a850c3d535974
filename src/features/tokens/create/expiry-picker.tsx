import { useId } from 'react'
import { formatCalendarDate } from '../../../lib/time/format-time'
import { useNow } from '../../../lib/time/use-now'
import { calendarDay, EXPIRY_PRESET_DAYS, expiryInstant, type ExpiryChoice } from './new-token-form'
import { DAY_MS } from '../common/token-state'

interface ExpiryPickerProps {
  value: ExpiryChoice
  onChange: (value: ExpiryChoice) => void
  error: string | undefined
  errorId: string
  /** A rotation's: the old token's lifetime, offered first as the same span from now. */
  lifetime?: number
}

/** The custom date a person starts from: the longest preset's end. */
const CUSTOM_START_DAYS = 90

/**
 * When the token stops working: 7, 30 or 90 days, a chosen day (until its end, local time), or
 * never, which says plainly what that risks. Each preset shows the date it lands on.
 */
export function ExpiryPicker({ value, onChange, error, errorId, lifetime }: ExpiryPickerProps) {
  const now = useNow()
  const name = useId()
  const dateId = useId()
  const selected = (choice: ExpiryChoice['kind'], days?: number) =>
    value.kind === choice && (days === undefined || (value.kind === 'days' && value.days === days))

  return (
    <fieldset
      className="expiry-picker"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Expiry</legend>
      {lifetime !== undefined && (
        <label className="radio-row">
          <input
            type="radio"
            name={name}
            checked={selected('lifetime')}
            onChange={() => onChange({ kind: 'lifetime', ms: lifetime })}
          />
          The old token’s lifetime: {lifetimeText(lifetime)}
          <span className="hint">{formatCalendarDate(now + lifetime)}</span>
        </label>
      )}
      {EXPIRY_PRESET_DAYS.map((days) => (
        <label key={days} className="radio-row">
          <input
            type="radio"
            name={name}
            checked={selected('days', days)}
            onChange={() => onChange({ kind: 'days', days })}
          />
          {days} days
          <span className="hint">{formatCalendarDate(now + days * DAY_MS)}</span>
        </label>
      ))}
      <label className="radio-row">
        <input
          type="radio"
          name={name}
          checked={selected('date')}
          onChange={() =>
            onChange({ kind: 'date', date: calendarDay(now + CUSTOM_START_DAYS * DAY_MS) })
          }
        />
        On a date
      </label>
      {value.kind === 'date' && (
        <div className="expiry-picker__date">
          <label htmlFor={dateId}>Last day it works</label>
          <input
            id={dateId}
            type="date"
            className="input"
            value={value.date}
            min={calendarDay(now)}
            onChange={(event) => onChange({ kind: 'date', date: event.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {error ? <ErrorNote id={errorId} text={error} /> : <DateNote value={value} now={now} />}
        </div>
      )}
      <label className="radio-row">
        <input
          type="radio"
          name={name}
          checked={selected('never')}
          onChange={() => onChange({ kind: 'never' })}
        />
        Never
      </label>
      {value.kind === 'never' && (
        <p className="form-warning">
          It will work until someone revokes it. A token that never expires is the one still working
          years after it leaked: prefer a date, and rotate before it.
        </p>
      )}
      {error && value.kind !== 'date' && <ErrorNote id={errorId} text={error} />}
    </fieldset>
  )
}

/** What to fix: under the date field when a date is chosen (its error), else under the choices. */
function ErrorNote({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  )
}

/** "90 days", "1 day", or "less than a day". */
function lifetimeText(ms: number): string {
  const days = Math.round(ms / DAY_MS)
  if (days === 0) return 'less than a day'
  return days === 1 ? '1 day' : `${days} days`
}

function DateNote({ value, now }: { value: ExpiryChoice; now: number }) {
  const end = expiryInstant(value, now)
  if (!end || end.getTime() <= now) return null
  return <span className="hint">Until the end of that day, your time.</span>
}
