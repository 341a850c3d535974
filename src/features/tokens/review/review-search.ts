import type { SearchSchemaInput } from '@tanstack/react-router'

export interface ReviewSearch {
  /** `record`: the last applied review's record; else the review being decided. */
  view: 'decide' | 'record'
  /** `undecided`: only the tokens with no decision yet. */
  show: 'all' | 'undecided'
}

export const reviewSearchDefaults: ReviewSearch = { view: 'decide', show: 'all' }

/** The review's URL search, read by hand like the tokens page's: anything else is the default. */
export function validateReviewSearch(
  search: { view?: string; show?: string } & SearchSchemaInput,
): ReviewSearch {
  const input: Record<string, unknown> = search
  return {
    view: input.view === 'record' ? 'record' : 'decide',
    show: input.show === 'undecided' ? 'undecided' : 'all',
  }
}
