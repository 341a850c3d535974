import { Tooltip } from '../../../components/ui/tooltip'
import './scope-list.css'

const VISIBLE_SCOPES = 2

/** The first scopes as chips; the rest behind a "+N" that lists every scope on hover and focus. */
export function ScopeList({ scopes }: { scopes: readonly string[] }) {
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
      {hidden > 0 && (
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
            <button type="button" className="chip chip--more" aria-label={`${hidden} more scopes`}>
              +{hidden}
            </button>
          </Tooltip>
        </li>
      )}
    </ul>
  )
}
