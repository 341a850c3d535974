import { tokensSearchDefaults, type TokenStatusFilter } from '../../common/search'
import type { TokenSummary } from '../../common/token-summary'
import {
  ACTIVE_TOKEN_CAP,
  EXPIRING_SOON_DAYS,
  NEVER_USED_GRACE_DAYS,
  STALE_AFTER_DAYS,
} from '../../common/token-state'
import './filter-tile.css'
import './token-summary-cards.css'

interface TokenSummaryCardsProps {
  summary: TokenSummary
  status: TokenStatusFilter
  onFilter: (status: TokenStatusFilter) => void
}

interface Card {
  filter: TokenStatusFilter
  value: string
  label: string
  /** What a click shows, as the button's name: "Show 3 stale tokens". */
  name: string
  detail: string
  tone: 'neutral' | 'warning' | 'muted'
}

/** "Show 1 stale token", "Show 3 tokens expiring soon". */
const show = (count: number, before: string, after = '') =>
  `Show ${count} ${before}token${count === 1 ? '' : 's'}${after}`

/**
 * Counts that double as filters: a click shows exactly the tokens a card counts, and a click on
 * the selected card goes back to the default view. Each says so in its name ("Show 3 stale
 * tokens"); its detail is the description.
 */
export function TokenSummaryCards({ summary, status, onFilter }: TokenSummaryCardsProps) {
  const cards: Card[] = [
    {
      filter: 'active',
      value: `${summary.active} / ${ACTIVE_TOKEN_CAP}`,
      label: 'active',
      name: show(summary.active, 'active '),
      detail:
        summary.active >= ACTIVE_TOKEN_CAP
          ? 'At the limit'
          : `${ACTIVE_TOKEN_CAP - summary.active} more allowed`,
      tone: summary.active >= ACTIVE_TOKEN_CAP ? 'warning' : 'neutral',
    },
    {
      filter: 'stale',
      value: String(summary.stale),
      label: 'stale',
      name: show(summary.stale, 'stale '),
      // As `isStale` counts: a token never used is not stale in its first week.
      detail: `Unused ${STALE_AFTER_DAYS}+ days, or never used in ${NEVER_USED_GRACE_DAYS}+ days`,
      tone: summary.stale > 0 ? 'warning' : 'neutral',
    },
    {
      filter: 'expiring',
      value: String(summary.expiringSoon),
      label: 'expiring soon',
      name: show(summary.expiringSoon, '', ' expiring soon'),
      detail: `Within ${EXPIRING_SOON_DAYS} days`,
      tone: summary.expiringSoon > 0 ? 'warning' : 'neutral',
    },
    {
      filter: 'revoked',
      value: String(summary.revoked),
      label: 'revoked',
      name: show(summary.revoked, 'revoked '),
      detail: 'By a person or an agent',
      tone: 'muted',
    },
    {
      filter: 'expired',
      value: String(summary.expired),
      label: 'expired',
      name: show(summary.expired, 'expired '),
      detail: 'Past their expiry date',
      tone: 'muted',
    },
  ]
  // Only when there are any: a status OpenTrain added after this console was written (D1).
  if (summary.unknown > 0) {
    cards.push({
      filter: 'unknown',
      value: String(summary.unknown),
      label: 'unknown status',
      name: show(summary.unknown, '', ' of unknown status'),
      detail: 'Not known to this console; may still work',
      tone: 'warning',
    })
  }
  return (
    <ul className="summary-cards" aria-label="Summary">
      {cards.map((card) => (
        <li key={card.filter}>
          <button
            type="button"
            className={`filter-tile summary-card summary-card--${card.tone}`}
            aria-pressed={status === card.filter}
            aria-label={card.name}
            aria-describedby={`summary-${card.filter}`}
            onClick={() =>
              onFilter(status === card.filter ? tokensSearchDefaults.status : card.filter)
            }
          >
            <span className="summary-card__value">{card.value}</span>
            <span className="summary-card__label">{card.label}</span>
            <span id={`summary-${card.filter}`} className="summary-card__detail">
              {card.detail}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
