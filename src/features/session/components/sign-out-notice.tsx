import type { SignOutReason } from '../api/session-store'
import './sign-out-notice.css'

const NOTICES: Record<SignOutReason, string> = {
  'signed-out':
    'You signed out. The token was not revoked; it still works wherever else it is used.',
  'token-invalid':
    'You were signed out: this token is no longer valid. It was revoked or has expired.',
  'token-revoked': 'You revoked the token this console was signed in with, so you were signed out.',
}

export function SignOutNotice({ reason }: { reason: SignOutReason | null }) {
  if (!reason) return null
  return (
    <p className={`notice notice--${reason === 'signed-out' ? 'info' : 'warning'}`} role="status">
      {NOTICES[reason]}
    </p>
  )
}
