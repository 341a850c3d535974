import { useId } from 'react'
import './toolbar-select.css'

interface ToolbarSelectProps<T extends string> {
  label: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
}

/** A labelled native select of the toolbar: the platform's own keyboard and screen-reader use. */
export function ToolbarSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: ToolbarSelectProps<T>) {
  const id = useId()
  return (
    <div className="toolbar__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value)
          if (chosen) onChange(chosen.value)
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
