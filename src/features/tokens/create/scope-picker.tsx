import { useId } from 'react'
import { Button } from '../../../components/ui/button'
import {
  CATALOG_SCOPES,
  covers,
  describeScope,
  impliedRead,
  resourceOf,
} from '../common/scope-catalog'

interface ScopePickerProps {
  /** The scopes this console's token holds: only what they cover can be granted (§3.2). */
  heldScopes: readonly string[]
  ticked: ReadonlySet<string>
  onChange: (ticked: ReadonlySet<string>) => void
  /** The message under the list, when the choice cannot be sent. */
  error: string | undefined
  /** Id of that message, for the group's `aria-describedby`. */
  errorId: string
}

/**
 * Scopes as a checklist grouped by resource, in catalog order (§8). A scope the session's token
 * does not cover is shown, disabled, with the reason; a ticked `X:write` shows `X:read` as
 * included (the API grants it with the write scope).
 */
export function ScopePicker({ heldScopes, ticked, onChange, error, errorId }: ScopePickerProps) {
  const extra = heldScopes.filter((scope) => !CATALOG_SCOPES.includes(scope))
  const scopes = [...CATALOG_SCOPES, ...extra]
  const resources = [...new Set(scopes.map(resourceOf))]
  const impliedBy = new Map<string, string>()
  for (const scope of ticked) {
    const read = impliedRead(scope)
    if (read) impliedBy.set(read, scope)
  }
  const grantable = scopes.filter((scope) => covers(heldScopes, scope))

  const set = (scope: string, on: boolean) => {
    const next = new Set(ticked)
    if (on) next.add(scope)
    else next.delete(scope)
    onChange(next)
  }

  return (
    <fieldset
      className="scope-picker"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>Scopes</legend>
      <p className="hint">
        What the token may do. This console can grant only what its own token holds.
      </p>
      <div className="scope-picker__quick">
        <Button
          variant="secondary"
          onClick={() => onChange(new Set(grantable.filter((scope) => scope.endsWith(':read'))))}
        >
          All read scopes
        </Button>
        <Button variant="secondary" onClick={() => onChange(new Set())}>
          None
        </Button>
      </div>
      {resources.map((resource) => (
        <div key={resource} className="scope-picker__group" role="group" aria-label={resource}>
          <p className="scope-picker__resource" aria-hidden="true">
            {resource}
          </p>
          <div className="scope-picker__options">
            {scopes
              .filter((scope) => resourceOf(scope) === resource)
              .map((scope) => (
                <ScopeOption
                  key={scope}
                  scope={scope}
                  held={covers(heldScopes, scope)}
                  includedWith={impliedBy.get(scope)}
                  checked={ticked.has(scope) || impliedBy.has(scope)}
                  onToggle={(on) => set(scope, on)}
                />
              ))}
          </div>
        </div>
      ))}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}

function ScopeOption(props: {
  scope: string
  held: boolean
  includedWith: string | undefined
  checked: boolean
  onToggle: (on: boolean) => void
}) {
  const { scope, held, includedWith, checked, onToggle } = props
  const hintId = useId()
  const hint = !held
    ? 'This console’s token does not hold it, so it cannot grant it.'
    : includedWith
      ? `Included with ${includedWith}.`
      : (describeScope(scope).grants ?? 'Not in the scope catalog this console knows.')
  return (
    <label className={`scope-option${held ? '' : ' scope-option--unavailable'}`}>
      <input
        type="checkbox"
        checked={held && checked}
        disabled={!held || includedWith !== undefined}
        onChange={(event) => onToggle(event.target.checked)}
        aria-describedby={hintId}
      />
      <code>{scope}</code>
      <span id={hintId} className="hint">
        {hint}
      </span>
    </label>
  )
}
