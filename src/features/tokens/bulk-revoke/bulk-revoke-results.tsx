import type { Token } from '../api/token-schema'
import type { BulkRevokeResult } from './bulk-revoke-runner'
import { describeRevokeError } from '../revoke/describe-revoke-error'
import { RequestId } from '../../../components/request-id'

interface BulkRevokeResultsProps {
  tokens: readonly Token[]
  results: ReadonlyMap<string, BulkRevokeResult>
}

const OUTCOME_TEXT: Record<BulkRevokeResult['kind'], string> = {
  revoked: 'Revoked',
  'already-gone': 'Already revoked or gone',
  failed: 'Failed',
  cancelled: 'Not sent',
}

/** Each token's outcome, failures first: what went wrong, and the request id to quote. */
export function BulkRevokeResults({ tokens, results }: BulkRevokeResultsProps) {
  const rows = tokens.flatMap((token) => {
    const result = results.get(token.id)
    return result ? [{ token, result }] : []
  })
  const count = (kind: BulkRevokeResult['kind']) =>
    rows.filter(({ result }) => result.kind === kind).length
  const order = ['failed', 'cancelled', 'already-gone', 'revoked']
  rows.sort((a, b) => order.indexOf(a.result.kind) - order.indexOf(b.result.kind))
  const failed = count('failed')
  return (
    <div className="bulk-results">
      <p role="status">
        {count('revoked')} revoked, {count('already-gone')} already gone, {failed} failed
        {count('cancelled') > 0 ? `, ${count('cancelled')} not sent` : ''}.
      </p>
      <ul aria-label="Result for each token">
        {rows.map(({ token, result }) => (
          <li key={token.id} className={`bulk-results__row bulk-results__row--${result.kind}`}>
            <span className="bulk-results__outcome">{OUTCOME_TEXT[result.kind]}</span>{' '}
            <bdi className="bulk-results__name">{token.name}</bdi>
            {result.kind === 'failed' && <Failure token={token} error={result.error} />}
            {result.kind === 'already-gone' && result.requestId && (
              <RequestId id={result.requestId} />
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

function Failure({ token, error }: { token: Token; error: unknown }) {
  const copy = describeRevokeError(error, token.name)
  return (
    <>
      <p className="bulk-results__reason">
        {copy.title}. {copy.description}
      </p>
      {copy.requestId && <RequestId id={copy.requestId} />}
    </>
  )
}
