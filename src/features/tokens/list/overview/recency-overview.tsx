import { useId } from 'react'
import { RECENCY_BUCKETS, type RecencyBucket } from '../../common/last-use-recency'
import type { LastUseFilter } from '../../common/search'
import './filter-tile.css'
import './recency-overview.css'

const BUCKET_LABELS: Record<RecencyBucket, string> = {
  day: 'Today',
  week: 'This week',
  month: 'This month',
  quarter: '1–3 months',
  older: '90+ days',
  never: 'Never',
}

/** Buckets that mean "look at this token": unused long enough to be stale, or never used. */
const NEGLECTED: ReadonlySet<RecencyBucket> = new Set(['older', 'never'])

interface RecencyOverviewProps {
  counts: Record<RecencyBucket, number>
  selected: LastUseFilter
  onSelect: (used: LastUseFilter) => void
}

/**
 * A small bar chart of when the tokens in view were last used. Each bar is a toggle button that
 * filters the table to its bucket (and back); its name says so with the count, after the label it
 * shows, so the numbers are there for screen readers too.
 */
export function RecencyOverview({ counts, selected, onSelect }: RecencyOverviewProps) {
  const titleId = useId()
  const most = Math.max(1, ...RECENCY_BUCKETS.map((bucket) => counts[bucket]))
  return (
    <div className="recency" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="recency__title">
        Last use <span className="muted">(OpenTrain may record it a few minutes late)</span>
      </p>
      <ul className="recency__buckets">
        {RECENCY_BUCKETS.map((bucket) => (
          <li key={bucket}>
            <button
              type="button"
              className={`filter-tile recency__bucket${NEGLECTED.has(bucket) ? ' recency__bucket--neglected' : ''}`}
              aria-pressed={selected === bucket}
              // Its label first, then what a click does: "Never: show 2 tokens".
              aria-label={`${BUCKET_LABELS[bucket]}: show ${counts[bucket]} token${counts[bucket] === 1 ? '' : 's'}`}
              onClick={() => onSelect(selected === bucket ? 'any' : bucket)}
            >
              <span className="recency__label">{BUCKET_LABELS[bucket]}</span>{' '}
              <span className="recency__count">{counts[bucket]}</span>
              <span className="recency__bar" aria-hidden="true">
                <span style={{ inlineSize: `${(100 * counts[bucket]) / most}%` }} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
