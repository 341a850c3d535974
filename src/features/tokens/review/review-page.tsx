import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useMemo, useRef, useState } from 'react'
import { meQueries } from '../../session/api/me-queries'
import { useNow } from '../../../lib/time/use-now'
import { tokenQueries } from '../api/token-queries'
import type { Token } from '../api/token-schema'
import { BulkRevokeDialog, type BulkRevokeApply } from '../bulk-revoke/bulk-revoke-dialog'
import { formatTokenCount } from '../common/format-token-count'
import { reviewAccountId } from './last-review'
import { changesSince } from './review-draft'
import { ReviewDecide } from './review-decide'
import type { Decision } from './review-items'
import { reviewItems } from './review-items'
import { outcomeOfRevoke, startRecord, unfinishedRevokes } from './review-record'
import { ReviewRecordView } from './review-record-view'
import { useReview } from './use-review'
import { useReviewRecord } from './use-review-record'
import './review-page.css'

const route = getRouteApi('/review')

/**
 * The apply dialog: the whole review's decisions, or the revokes of its record to send again. Kept
 * while the dialog closes, so its words do not change under the closing animation.
 */
interface Applying {
  kind: 'review' | 'retry'
  revokes: Token[]
  open: boolean
}

/**
 * The access review, start to end: deciding (kept in this browser until applied or discarded),
 * applying (bulk revoke's queue), and the record, with the rotations it asked for.
 */
export function ReviewPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const tokens = useSuspenseQuery(tokenQueries.list()).data
  const me = useSuspenseQuery(meQueries.me()).data
  const now = useNow()
  // Ordered once, when the page opens: a token does not move while the person decides.
  const [openedAt] = useState(now)
  const items = useMemo(
    () => reviewItems(tokens, me.token.id, openedAt),
    [tokens, me.token.id, openedAt],
  )
  const accountId = reviewAccountId(me)
  const review = useReview(accountId, items)
  const record = useReviewRecord(accountId)
  const [applying, setApplying] = useState<Applying | null>(null)
  const recordActions = useRef<HTMLDivElement>(null)

  const decisions = new Map<string, Decision>()
  for (const item of items) {
    const decision = review.decisionOf(item)
    if (decision !== null) decisions.set(item.token.id, decision)
  }
  const count = (decision: Decision) => [...decisions.values()].filter((d) => d === decision).length

  const names = new Map(tokens.map((token) => [token.id, token.name]))
  const onResult: BulkRevokeApply['onResult'] = (result) =>
    record.setOutcome(result.id, outcomeOfRevoke(result, names.get(result.id) ?? result.id))

  function applyReview() {
    record.start(
      startRecord({
        items,
        decisions,
        notes: review.draft.notes,
        startedAt: review.draft.startedAt,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        reviewer: {
          tokenId: me.token.id,
          tokenName: names.get(me.token.id) ?? me.token.label ?? me.token.id,
          accountId,
        },
        goneBeforeApply: changesSince(
          review.draft,
          items.map((item) => item.token.id),
        ).gone,
        flaggedAt: openedAt,
      }),
    )
    review.discard()
    void navigate({ search: { view: 'record', show: 'all' } })
  }

  const apply: BulkRevokeApply | undefined =
    applying?.kind === 'review'
      ? {
          title: 'Apply the review’s decisions?',
          description:
            applying.revokes.length === 0
              ? 'The decisions are recorded now; the rotations are done one by one next.'
              : 'Kept and rotated tokens are recorded now (rotations are done one by one next). Revoked tokens stop working immediately; this cannot be undone.',
          summary: (
            <ul className="review-apply__counts" aria-label="Decisions">
              <li>
                Keep <strong>{count('keep')}</strong>
              </li>
              <li>
                Rotate <strong>{count('rotate')}</strong>
              </li>
              <li>
                Revoke <strong>{count('revoke')}</strong>
              </li>
            </ul>
          ),
          confirmLabel: 'Apply decisions',
          resultsTitle: 'Access review: revokes',
          onConfirm: applyReview,
          onResult,
        }
      : applying?.kind === 'retry'
        ? {
            title: `Revoke ${formatTokenCount(applying.revokes.length)} from the review again?`,
            description: 'Anything using these tokens stops working immediately.',
            summary: null,
            confirmLabel: `Revoke ${formatTokenCount(applying.revokes.length)}`,
            resultsTitle: 'Access review: revokes',
            onConfirm: () => {},
            onResult,
          }
        : undefined

  const byId = new Map(tokens.map((token) => [token.id, token]))
  return (
    <>
      {search.view === 'record' ? (
        <ReviewRecordView
          record={record.record}
          current={tokens}
          sessionTokenId={me.token.id}
          heldScopes={me.token.scopes}
          onOutcome={record.setOutcome}
          actionsRef={recordActions}
          onRetry={() => {
            if (record.record === null) return
            const revokes = unfinishedRevokes(record.record).flatMap(
              (entry) => byId.get(entry.id) ?? [],
            )
            setApplying({ kind: 'retry', revokes, open: true })
          }}
        />
      ) : (
        <ReviewDecide
          items={items}
          review={review}
          now={now}
          onApply={() =>
            setApplying({
              kind: 'review',
              revokes: items
                .filter((item) => decisions.get(item.token.id) === 'revoke')
                .map((item) => item.token),
              open: true,
            })
          }
        />
      )}
      <BulkRevokeDialog
        open={applying?.open ?? false}
        tokens={applying?.revokes ?? []}
        sessionTokenId={me.token.id}
        onClose={() => setApplying((current) => current && { ...current, open: false })}
        onStart={() => {}}
        barRef={recordActions}
        apply={apply}
      />
    </>
  )
}
