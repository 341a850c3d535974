import { getRouteApi } from '@tanstack/react-router'
import { useRef, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { formatCalendarDate, formatRelativeTime } from '../../../lib/time/format-time'
import { formatTokenCount } from '../common/format-token-count'
import { changesSince } from './review-draft'
import type { Decision, ReviewItem } from './review-items'
import { ReviewHeading } from './review-heading'
import { ReviewTokenItem } from './review-token-item'
import type { ReviewState } from './use-review'

const route = getRouteApi('/review')

interface ReviewDecideProps {
  items: readonly ReviewItem[]
  review: ReviewState
  now: number
  /** Every token has a decision: ask to apply them. */
  onApply: () => void
}

/**
 * Deciding: every active token, those that need a decision first, each with Keep, Rotate or Revoke
 * and a note, then "Apply decisions…" once none is left undecided.
 */
export function ReviewDecide({ items, review, now, onApply }: ReviewDecideProps) {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const groups = useRef(new Map<string, HTMLFieldSetElement>())
  // Said when "Apply decisions…" was pressed too early, until the next decision.
  const [undecidedNote, setUndecidedNote] = useState('')

  const undecided = items.filter((item) => review.decisionOf(item) === null)
  const decided = items.length - undecided.length
  const shown = search.show === 'undecided' ? undecided : items
  const { added, gone } = changesSince(
    review.draft,
    items.map((item) => item.token.id),
  )
  const startedElsewhen = formatCalendarDate(review.draft.startedAt) !== formatCalendarDate(now)

  const focusChoiceOf = (item: ReviewItem | undefined) => {
    const group = item && groups.current.get(item.token.id)
    const target =
      group?.querySelector<HTMLInputElement>('input:checked') ??
      group?.querySelector<HTMLInputElement>('input')
    target?.focus()
  }

  /** Decides for the token at `index` of what is shown, then focuses the next one's choice. */
  const decideAndNext = (index: number, decision: Decision) => {
    const item = shown[index]
    if (item === undefined) return
    setUndecidedNote('')
    review.choose(item.token.id, decision)
    focusChoiceOf(shown[index + 1])
  }

  /** Applies, or says what is missing and goes to the first token without a decision. */
  const apply = () => {
    if (undecided.length === 0) {
      onApply()
      return
    }
    setUndecidedNote(
      `${formatTokenCount(undecided.length)} still ${undecided.length === 1 ? 'needs' : 'need'} a decision before the review can be applied.`,
    )
    focusChoiceOf(undecided[0])
  }

  return (
    <section aria-labelledby="review-title" className="review-page">
      <ReviewHeading id="review-title" title="Access review" />
      <p className="review-page__intro">
        Decide on every active token: keep it, rotate it, or revoke it. Tokens nobody seems to use
        start with Revoke suggested. On a token’s choices, press <kbd>K</kbd> to keep, <kbd>R</kbd>{' '}
        to rotate or <kbd>X</kbd> to revoke and go to the next token; the arrow keys move within its
        choices. Nothing changes until you apply the decisions.
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
                search: (current) => ({
                  ...current,
                  show: event.target.checked ? 'undecided' : 'all',
                }),
                replace: true,
              })
            }
          />
          Show only undecided
        </label>
        <Button variant="quiet" onClick={review.discard}>
          Discard review
        </Button>
        <Button
          variant="primary"
          className="review-page__apply"
          disabled={items.length === 0}
          onClick={apply}
        >
          Apply decisions…
        </Button>
        <p className="review-page__undecided" role="status">
          {undecidedNote}
        </p>
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
              onChoose={(decision) => {
                setUndecidedNote('')
                review.choose(item.token.id, decision)
              }}
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
