import { Tooltip } from '../../../../components/ui/tooltip'
import { splitReplacesMarker } from '../../common/replaces-marker'

interface TokenNameButtonProps {
  name: string
  tabIndex: number
  /** Opens the token's details, where the whole name is too. */
  onClick: () => void
}

/**
 * A token's name as the button that opens its details. Cut short, it ends in "…" but keeps a
 * rotation's "(replaces ot_pat_…)" whole, and shows whole in the tooltip on hover and focus.
 */
export function TokenNameButton({ name, tabIndex, onClick }: TokenNameButtonProps) {
  const { base, marker } = splitReplacesMarker(name)
  return (
    <Tooltip content={() => <bdi>{name}</bdi>} openIf={isCutShort}>
      <button
        type="button"
        className="token-name"
        // The name as one string: parts laid out apart are not always joined with their space.
        aria-label={name}
        aria-haspopup="dialog"
        tabIndex={tabIndex}
        onClick={onClick}
      >
        <bdi className="token-name__base">{base}</bdi>
        {marker && <span className="token-name__marker">{marker}</span>}
      </button>
    </Tooltip>
  )
}

/** The name (not its marker, which wraps instead) does not fit where it is shown. */
function isCutShort(button: HTMLElement): boolean {
  const base = button.firstElementChild
  return base !== null && base.scrollWidth > base.clientWidth
}
