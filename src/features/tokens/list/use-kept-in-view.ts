import { useState } from 'react'

const NONE: ReadonlySet<string> = new Set()

/**
 * Ids the current view (`viewKey`: its filter and search) keeps on screen whatever its filter says
 * (the rows revoked or created from it), for `visibleTokens`. Changing the view forgets them: the
 * new view shows exactly what its filter matches.
 */
export function useKeptInView(viewKey: string) {
  const [kept, setKept] = useState({ viewKey, ids: NONE })
  const ids = kept.viewKey === viewKey ? kept.ids : NONE
  const keep = (id: string) =>
    setKept((previous) => ({
      viewKey,
      ids: new Set([...(previous.viewKey === viewKey ? previous.ids : []), id]),
    }))
  return { ids, keep }
}
