import type { Token } from '../api/token-schema'

/** The page's dialogs as one state: which is open, and what each shows (kept while it closes). */
export interface PageDialogs {
  open: 'create' | 'revoke' | 'rotate' | 'bulk' | null
  /** The token the revoke or rotate dialog is about. */
  token: Token | null
  /** Whether `token` is the session's own, fixed as it opens: a rotation switches the session. */
  isSessionToken: boolean
  /** "Revoke selected"'s tokens, as they were when it was pressed. */
  selected: readonly Token[]
}

/** Opens a dialog with what it shows, or closes the open one (`open: null`). */
export type PageDialogChange =
  | { open: 'create' | null }
  | { open: 'revoke' | 'rotate'; token: Token; isSessionToken: boolean }
  | { open: 'bulk'; selected: readonly Token[] }

export const NO_DIALOG: PageDialogs = {
  open: null,
  token: null,
  isSessionToken: false,
  selected: [],
}

export function pageDialogsReducer(state: PageDialogs, change: PageDialogChange): PageDialogs {
  return { ...state, ...change }
}
