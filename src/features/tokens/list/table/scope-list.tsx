import { Tooltip } from '../../../../components/ui/tooltip'
import './scope-list.css'

const VISIBLE_SCOPES = 2

/** The list ends in a focusable "+N" button (a grid cell then focuses it rather than itself). */
export function hasMoreScopesButton(scopes: readonly string[]): boolean {
  return scopes.length > VISIBLE_SCOPES
}

/** The first scopes as chips; the rest behind a "+N" that lists every scope on hover and focus. */
export function ScopeList({ scopes, tabIndex }: { scopes: readonly string[]; tabIndex?: number }) {
  if (scopes.length === 0) return <span className="muted">No scopes</span>
  const shown = scopes.slice(0, VISIBLE_SCOPES)
  const hidden = scopes.length - shown.length
  return (
    <ul className="scope-list" aria-label={`Scopes: ${scopes.join(', ')}`}>
      {shown.map((scope) => (
        <li key={scope} className="chip">
          {scope}
        </li>
      ))}
      {hasMoreScopesButton(scopes) && (
        <li>
          <Tooltip
            content={() => (
              <ul className="scope-list__all">
                {scopes.map((scope) => (
                  <li key={scope}>{scope}</li>
                ))}
              </ul>
            )}
          >
            <button
              type="button"
              className="chip chip--more"
              aria-label={`${hidden} more scopes`}
              tabIndex={tabIndex}
            >
              +{hidden}
            </button>
          </Tooltip>
        </li>
      )}
    </ul>
  )
}
