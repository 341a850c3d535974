import { useId } from 'react'
import { Button } from '../../../components/ui/button'
import { ACTIVE_TOKEN_CAP } from '../common/token-state'

interface NewTokenButtonProps {
  /** Tokens that still authenticate: the API refuses a 26th (D5). */
  active: number
  onClick: () => void
}

/** "New token", with how many more the cap allows; at the cap it says why it does nothing. */
export function NewTokenButton({ active, onClick }: NewTokenButtonProps) {
  const noteId = useId()
  const atCap = active >= ACTIVE_TOKEN_CAP
  return (
    <div className="new-token">
      <Button
        variant="primary"
        aria-haspopup="dialog"
        // aria-disabled, not disabled: it stays focusable, so its reason can be read.
        aria-disabled={atCap || undefined}
        aria-describedby={noteId}
        onClick={() => {
          if (!atCap) onClick()
        }}
      >
        New token
      </Button>
      <span id={noteId} className="new-token__note">
        {atCap
          ? `${ACTIVE_TOKEN_CAP} of ${ACTIVE_TOKEN_CAP} active: revoke one to create another`
          : `${ACTIVE_TOKEN_CAP - active} of ${ACTIVE_TOKEN_CAP} left`}
      </span>
    </div>
  )
}
