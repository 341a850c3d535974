import type { SearchSchemaInput } from '@tanstack/react-router'

export interface ReviewSearch {
  /** `undecided`: only the tokens with no decision yet. */
  show: 'all' | 'undecided'
}

export const reviewSearchDefaults: ReviewSearch = { show: 'all' }

/** The review's URL search, read by hand like the tokens page's: anything else is the default. */
export function validateReviewSearch(search: { show?: string } & SearchSchemaInput): ReviewSearch {
  const input: Record<string, unknown> = search
  return { show: input.show === 'undecided' ? 'undecided' : 'all' }
}
