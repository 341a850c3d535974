import type { SortDirection, TokenSortKey, TokenStatusFilter } from '../common/search'

export const STATUS_FILTER_LABELS: Record<TokenStatusFilter, string> = {
  active: 'Active',
  expiring: 'Expiring soon',
  stale: 'Stale',
  expired: 'Expired',
  revoked: 'Revoked',
  unknown: 'Unknown status',
  all: 'All tokens',
}

/** What an empty view says when no search is typed: the filter alone matched nothing. */
export const EMPTY_VIEW_TITLES: Record<TokenStatusFilter, string> = {
  active: 'No active tokens',
  expiring: 'No tokens expire soon',
  stale: 'No stale tokens',
  expired: 'No expired tokens',
  revoked: 'No revoked tokens',
  unknown: 'No tokens with a status this console does not know',
  all: 'No tokens',
}

export const SORT_LABELS: Record<TokenSortKey, Record<SortDirection, string>> = {
  lastUsed: { desc: 'Last used, newest first', asc: 'Last used, oldest first' },
  created: { desc: 'Created, newest first', asc: 'Created, oldest first' },
  expires: { desc: 'Expires, latest first', asc: 'Expires, soonest first' },
  name: { asc: 'Name, A to Z', desc: 'Name, Z to A' },
}
