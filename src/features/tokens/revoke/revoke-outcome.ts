import { toast } from '../../../components/ui/toaster'
import { bidiIsolate } from '../../../lib/text/bidi-isolate'
import type { Token } from '../api/token-schema'
import { describeRevokeError, type RevokeFailureCopy } from './describe-revoke-error'

/** How `useRevoke` tells the person: the page's live region, and a failure kept on its token. */
interface RevokeReport {
  announce: (text: string) => void
  keepFailure: (id: string, copy: RevokeFailureCopy) => void
}

/** A revoke the server confirmed: said in the live region and in a toast. */
export function reportRevoked(revoked: Token, { announce }: RevokeReport): void {
  announce(`Revoked ${bidiIsolate(revoked.name)}. It no longer works.`)
  toast.success(`Revoked “${bidiIsolate(revoked.name)}”`, {
    description: 'Anything using it now gets 401 errors.',
  })
}

/** A revoke that failed: said, and kept on its token's row, unless it was gone already. */
export function reportRevokeFailure(error: unknown, token: Token, report: RevokeReport): void {
  const copy = describeRevokeError(error, token.name)
  report.announce(`${copy.title}. ${copy.description}`)
  // Nothing failed when it was gone already: a passing note, and the refetched list.
  if (copy.alreadyGone) toast.warning(copy.title, { description: copy.description })
  else report.keepFailure(token.id, copy)
}
