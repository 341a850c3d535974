import { Link } from '@tanstack/react-router'
import type { RefObject } from 'react'
import { DropdownMenu, DropdownMenuItem } from '../../../components/ui/dropdown-menu'
import { Button } from '../../../components/ui/button'
import { toast } from '../../../components/ui/toaster'
import { downloadText } from '../../../lib/download-text'
import { formatCalendarDate, formatExactTime } from '../../../lib/time/format-time'
import type { Token } from '../api/token-schema'
import { formatTokenCount } from '../common/format-token-count'
import {
  outcomeText,
  unfinishedRevokes,
  type ReviewOutcome,
  type ReviewRecord,
} from './review-record'
import {
  outcomeCounts,
  recordFileName,
  recordToJson,
  recordToMarkdown,
  type RecordFormat,
} from './review-record-format'
import { DECISION_LABELS } from './review-items'
import { ReviewHeading } from './review-heading'
import { ReviewRotations } from './review-rotations'
import './review-record.css'

interface ReviewRecordViewProps {
  record: ReviewRecord | null
  current: readonly Token[]
  sessionTokenId: string
  heldScopes: readonly string[]
  onOutcome: (id: string, outcome: ReviewOutcome) => void
  /** Send the revokes that failed or were not sent again. */
  onRetry: () => void
  /** Where focus goes when the apply dialog closes and its button is gone. */
  actionsRef: RefObject<HTMLDivElement | null>
}

function download(record: ReviewRecord, format: RecordFormat) {
  const fileName = recordFileName(record, format)
  if (format === 'json') downloadText(recordToJson(record), fileName, 'application/json')
  else downloadText(recordToMarkdown(record), fileName, 'text/markdown')
  toast.success('Record downloaded', { description: `Saved as ${fileName}.` })
}

/** A token's date in the record's table: the day, with the exact time on hover. */
function RecordDate({ value, zone }: { value: string; zone: string }) {
  const at = Date.parse(value)
  if (Number.isNaN(at)) return <>{value}</> // a stored record is read back as it was written
  return (
    <time dateTime={value} title={formatExactTime(at, undefined, zone)}>
      {formatCalendarDate(at, { timeZone: zone })}
    </time>
  )
}

/**
 * The applied review: who and when, every token's decision and outcome, the revokes to retry,
 * the rotations still to do, and the record to download or print.
 */
export function ReviewRecordView({
  record,
  current,
  sessionTokenId,
  heldScopes,
  onOutcome,
  onRetry,
  actionsRef,
}: ReviewRecordViewProps) {
  if (record === null) {
    return (
      <section aria-labelledby="record-title" className="review-page">
        <h1 id="record-title" tabIndex={-1}>
          Access review record
        </h1>
        <p>No access review was applied in this browser for this account yet.</p>
        <Link to="/review" className="button button--primary">
          Start a review
        </Link>
      </section>
    )
  }
  const unfinished = unfinishedRevokes(record)
  const rotations = record.tokens.filter((token) => token.decision === 'rotate')
  const at = (ms: number) => formatExactTime(ms, undefined, record.timeZone)
  return (
    <section aria-labelledby="record-title" className="review-page review-record">
      <ReviewHeading id="record-title" title="Access review record" />
      <dl className="review-record__meta">
        <div>
          <dt>Started</dt>
          <dd>{at(record.startedAt)}</dd>
        </div>
        <div>
          <dt>Applied</dt>
          <dd>{at(record.appliedAt)}</dd>
        </div>
        <div>
          <dt>Reviewer</dt>
          <dd>
            <bdi>{record.reviewer.tokenName}</bdi> (token <code>{record.reviewer.tokenId}</code>)
          </dd>
        </div>
        <div>
          <dt>Account</dt>
          <dd>
            <code>{record.reviewer.accountId}</code>
          </dd>
        </div>
      </dl>
      <p className="review-record__summary" role="status">
        {formatTokenCount(record.tokens.length)} reviewed: {outcomeCounts(record)}.
      </p>
      <div className="review-record__actions review-record__chrome" ref={actionsRef}>
        <DropdownMenu trigger="Download record">
          <DropdownMenuItem onSelect={() => download(record, 'json')}>JSON</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => download(record, 'markdown')}>
            Markdown
          </DropdownMenuItem>
        </DropdownMenu>
        <Button variant="quiet" onClick={() => window.print()}>
          Print
        </Button>
        <Link to="/review" className="button button--quiet">
          Start a new review
        </Link>
      </div>
      {unfinished.length > 0 && (
        <div className="form-warning review-record__unfinished review-record__chrome">
          <p>
            {unfinished.length === 1 ? '1 revoke' : `${unfinished.length} revokes`} did not happen:
            the tokens still work. The record says why for each.
          </p>
          <Button variant="danger" onClick={onRetry}>
            Revoke {formatTokenCount(unfinished.length)} again…
          </Button>
        </div>
      )}
      {rotations.length > 0 && (
        <ReviewRotations
          entries={rotations}
          current={current}
          sessionTokenId={sessionTokenId}
          heldScopes={heldScopes}
          onOutcome={onOutcome}
        />
      )}
      {/* Narrow screens scroll the table sideways: the keyboard must reach it to scroll it
          (WCAG 2.1.1; axe's scrollable-region-focusable), hence a named, focusable region. */}
      <div
        className="review-record__scroll"
        role="region"
        aria-labelledby="review-record-table"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
        tabIndex={0}
      >
        <table className="review-record__table">
          <caption id="review-record-table">Every token in the review</caption>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Flags</th>
              <th scope="col">Decision</th>
              <th scope="col">Note</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {record.tokens.map((token) => (
              <tr key={token.id} className={`review-record__row--${token.outcome.kind}`}>
                <th scope="row">
                  <bdi>{token.name}</bdi>
                  <code>{token.preview}</code>
                  <code className="review-record__id">{token.id}</code>
                </th>
                <td>{token.scopes.join(', ') || 'none'}</td>
                <td>
                  <RecordDate value={token.createdAt} zone={record.timeZone} />
                </td>
                <td>
                  {token.lastUsedAt ? (
                    <RecordDate value={token.lastUsedAt} zone={record.timeZone} />
                  ) : (
                    'Never used'
                  )}
                </td>
                <td>
                  {token.expiresAt ? (
                    <RecordDate value={token.expiresAt} zone={record.timeZone} />
                  ) : (
                    'Never'
                  )}
                </td>
                <td>{token.flags.join('; ') || 'none'}</td>
                <td>{DECISION_LABELS[token.decision]}</td>
                <td>{token.note}</td>
                <td className="review-record__outcome">{outcomeText(token.outcome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {record.goneBeforeApply.length > 0 && (
        <p className="review-record__gone">
          Gone before the review was applied (revoked or deleted elsewhere):{' '}
          {record.goneBeforeApply.map((id, index) => (
            <span key={id}>
              {index > 0 && ', '}
              <code>{id}</code>
            </span>
          ))}
          .
        </p>
      )}
    </section>
  )
}
