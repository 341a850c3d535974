import { Search } from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { isPersonalToken, previewOf } from '../../../lib/token-format'
import {
  TOKEN_SORT_KEYS,
  TOKEN_STATUS_FILTERS,
  type TokensSearch,
  type TokenSortKey,
  type TokenStatusFilter,
} from '../search'
import { STATUS_FILTER_LABELS, SORT_LABELS } from './labels'
import './tokens-toolbar.css'

interface TokensToolbarProps {
  search: TokensSearch
  onQuery: (q: string) => void
  onStatus: (status: TokenStatusFilter) => void
  onSort: (sort: TokenSortKey, dir: TokensSearch['dir']) => void
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

export function TokensToolbar({ search, onQuery, onStatus, onSort }: TokensToolbarProps) {
  const ids = { search: useId(), status: useId(), sort: useId(), note: useId() }
  const inputRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(search.q)
  const [secretNote, setSecretNote] = useState(false)

  // Back/Forward and filter resets change the URL: the field follows it (adjusted during render,
  // https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  const [urlQuery, setUrlQuery] = useState(search.q)
  if (urlQuery !== search.q) {
    setUrlQuery(search.q)
    setText(search.q)
  }

  // `/` jumps to the search field from anywhere on the page, as on GitHub and GitLab.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.metaKey || event.ctrlKey || event.altKey) return
      if (isTyping(event.target)) return
      event.preventDefault()
      inputRef.current?.focus()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  function onSearchChange(value: string) {
    // A pasted secret is turned into its preview at once: it never reaches the URL.
    const secret = isPersonalToken(value)
    const next = secret ? previewOf(value) : value
    setSecretNote(secret)
    setText(next)
    onQuery(next)
  }

  return (
    <div className="toolbar" role="search">
      <div className="toolbar__search">
        <label htmlFor={ids.search} className="visually-hidden">
          Search tokens
        </label>
        <Search aria-hidden="true" size={16} className="toolbar__search-icon" />
        <input
          ref={inputRef}
          id={ids.search}
          type="search"
          className="input toolbar__search-input"
          placeholder="Search name, preview or scope"
          value={text}
          onChange={(event) => onSearchChange(event.target.value)}
          aria-describedby={secretNote ? ids.note : undefined}
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
        />
        <kbd className="toolbar__shortcut" aria-hidden="true">
          /
        </kbd>
      </div>
      <div className="toolbar__field">
        <label htmlFor={ids.status}>Status</label>
        <select
          id={ids.status}
          className="select"
          value={search.status}
          onChange={(event) => onStatus(event.target.value as TokenStatusFilter)}
        >
          {TOKEN_STATUS_FILTERS.map((filter) => (
            <option key={filter} value={filter}>
              {STATUS_FILTER_LABELS[filter]}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar__field">
        <label htmlFor={ids.sort}>Sort</label>
        <select
          id={ids.sort}
          className="select"
          value={`${search.sort}:${search.dir}`}
          onChange={(event) => {
            const [sort, dir] = event.target.value.split(':') as [TokenSortKey, TokensSearch['dir']]
            onSort(sort, dir)
          }}
        >
          {TOKEN_SORT_KEYS.flatMap((key) =>
            (['desc', 'asc'] as const).map((dir) => (
              <option key={`${key}:${dir}`} value={`${key}:${dir}`}>
                {SORT_LABELS[key][dir]}
              </option>
            )),
          )}
        </select>
      </div>
      {secretNote && (
        <p id={ids.note} className="toolbar__note" role="status">
          That was a full token. It is matched by its preview and is not kept anywhere.
        </p>
      )}
    </div>
  )
}
