import { useSuspenseQuery } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useMemo, useRef, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { meQueries } from '../../session/api/me-queries'
import { formatCalendarDate, formatRelativeTime } from '../../../lib/time/format-time'
import { useNow } from '../../../lib/time/use-now'
import { tokenQueries } from '../api/token-queries'
import { formatTokenCount } from '../common/format-token-count'
import { changesSince } from './review-draft'
import type { Decision } from './review-items'
import { reviewItems } from './review-items'
import { ReviewTokenItem } from './review-token-item'
import { useReview } from './use-review'
import './review-page.css'

const route = getRouteApi('/review')

/**
 * The access review: every active token, those that need a decision first, each with Keep, Rotate
 * or Revoke and a note, kept in this browser until the review is discarded.
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
  const accountId = me.account?.organizationId ?? me.actor.userId
  const review = useReview(accountId, items)
  const groups = useRef(new Map<string, HTMLFieldSetElement>())

  const decided = items.filter((item) => review.decisionOf(item) !== null).length
  const shown =
    search.show === 'undecided' ? items.filter((item) => review.decisionOf(item) === null) : items
  const { added, gone } = changesSince(
    review.draft,
    items.map((item) => item.token.id),
  )
  const startedElsewhen = formatCalendarDate(review.draft.startedAt) !== formatCalendarDate(now)

  /** Decides for the token at `index` of what is shown, then focuses the next one's choice. */
  const decideAndNext = (index: number, decision: Decision) => {
    const item = shown[index]
    if (item === undefined) return
    review.choose(item.token.id, decision)
    const next = shown[index + 1]
    const group = next && groups.current.get(next.token.id)
    const target =
      group?.querySelector<HTMLInputElement>('input:checked') ??
      group?.querySelector<HTMLInputElement>('input')
    target?.focus()
  }

  return (
    <section aria-labelledby="review-title" className="review-page">
      <div className="page-heading">
        <h1 id="review-title" tabIndex={-1}>
          Access review
        </h1>
        <div className="page-heading__side">
          <Link to="/tokens" className="button button--quiet">
            Back to tokens
          </Link>
        </div>
      </div>
      <p className="review-page__intro">
        Decide on every active token: keep it, rotate it, or revoke it. Tokens nobody seems to use
        start with Revoke suggested. On a token’s choices, press <kbd>K</kbd> to keep, <kbd>R</kbd>{' '}
        to rotate or <kbd>X</kbd> to revoke and go to the next token; the arrow keys move within its
        choices.
      </p>
      {startedElsewhen && (
        <p className="review-page__resumed" role="note">
          Review started {formatCalendarDate(review.draft.startedAt)} (
          {formatRelativeTime(review.draft.startedAt, now)}).{' '}
          {added.length + gone.length === 0
            ? 'No token was added or removed since.'
            : `Since then: ${formatTokenCount(added.length)} added, ${formatTokenCount(gone.length)} gone.`}
        </p>
      )}
      <div className="review-page__bar">
        <p className="review-page__progress" role="status">
          {decided} of {items.length} decided
        </p>
        <label className="review-page__filter">
          <input
            type="checkbox"
            checked={search.show === 'undecided'}
            onChange={(event) =>
              void navigate({
                search: { show: event.target.checked ? 'undecided' : 'all' },
                replace: true,
              })
            }
          />
          Show only undecided
        </label>
        <Button variant="quiet" onClick={review.discard}>
          Discard review
        </Button>
      </div>
      {shown.length === 0 ? (
        <p className="review-page__empty">
          {items.length === 0 ? 'No active token to review.' : 'Every token has a decision.'}
        </p>
      ) : (
        <ol className="review-page__list" aria-label="Tokens to review">
          {shown.map((item, index) => (
            <ReviewTokenItem
              key={item.token.id}
              item={item}
              decision={review.decisionOf(item)}
              suggested={review.isSuggested(item)}
              note={review.draft.notes[item.token.id] ?? ''}
              now={now}
              onChoose={(decision) => review.choose(item.token.id, decision)}
              onDecideAndNext={(decision) => decideAndNext(index, decision)}
              onNote={(note) => review.setNote(item.token.id, note)}
              groupRef={(element) => {
                if (element) groups.current.set(item.token.id, element)
                else groups.current.delete(item.token.id)
              }}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
