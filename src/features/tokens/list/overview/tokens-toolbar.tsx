import { ChevronDown, Search } from '../../../../components/icons'
import { DropdownMenu, DropdownMenuItem } from '../../../../components/ui/dropdown-menu'
import { useEffect, useId, useRef, useState } from 'react'
import { holdsSecret, withoutSecretParts, withPreviews } from '../../../../lib/text/token-format'
import {
  initialDirection,
  TOKEN_SORT_KEYS,
  TOKEN_STATUS_FILTERS,
  type SortDirection,
  type TokensSearch,
  type TokenSortKey,
  type TokenStatusFilter,
} from '../../common/search'
import { STATUS_FILTER_LABELS, SORT_LABELS } from '../labels'
import { ToolbarSelect } from './toolbar-select'
import './tokens-toolbar.css'

const STATUS_OPTIONS = TOKEN_STATUS_FILTERS.map((filter) => ({
  value: filter,
  label: STATUS_FILTER_LABELS[filter],
}))

// Each key's natural direction first: "Name, A to Z" before "Z to A", newest before oldest.
const SORT_OPTIONS = TOKEN_SORT_KEYS.flatMap((key) =>
  (initialDirection(key) === 'asc' ? (['asc', 'desc'] as const) : (['desc', 'asc'] as const)).map(
    (dir) => ({
      value: `${key}:${dir}` as const,
      label: SORT_LABELS[key][dir],
    }),
  ),
)

interface TokensToolbarProps {
  search: TokensSearch
  onQuery: (q: string) => void
  onStatus: (status: TokenStatusFilter) => void
  onSort: (sort: TokenSortKey, dir: SortDirection) => void
  /** How many rows the view shows: what an export holds. */
  exportCount: number
  onExport: (format: 'csv' | 'json') => void
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

export function TokensToolbar({
  search,
  onQuery,
  onStatus,
  onSort,
  exportCount,
  onExport,
}: TokensToolbarProps) {
  const ids = { search: useId(), note: useId() }
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

  /**
   * No part of a secret reaches the field's text, the URL or history: a pasted token (alone or with
   * text around it) becomes its preview at once; one typed key by key is cut, as it is typed, to
   * what its preview begins with, since its end is not known yet.
   */
  function onSearchChange(value: string, inputType: string | undefined) {
    const secret = holdsSecret(value)
    const pasted = inputType === 'insertFromPaste' || inputType === 'insertFromDrop'
    const next = secret ? (pasted ? withPreviews(value) : withoutSecretParts(value)) : value
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
          onChange={(event) =>
            onSearchChange(event.target.value, (event.nativeEvent as Partial<InputEvent>).inputType)
          }
          aria-describedby={secretNote ? ids.note : undefined}
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
        />
        <kbd className="toolbar__shortcut" aria-hidden="true">
          /
        </kbd>
      </div>
      <ToolbarSelect
        label="Status"
        value={search.status}
        options={STATUS_OPTIONS}
        onChange={onStatus}
      />
      <ToolbarSelect
        label="Sort"
        value={`${search.sort}:${search.dir}` as const}
        options={SORT_OPTIONS}
        onChange={(value) => {
          const [sort, dir] = value.split(':') as [TokenSortKey, SortDirection]
          onSort(sort, dir)
        }}
      />
      {exportCount > 0 && (
        <DropdownMenu
          trigger={
            <>
              Export
              <ChevronDown aria-hidden="true" size={14} />
            </>
          }
        >
          <DropdownMenuItem onSelect={() => onExport('csv')}>
            CSV, the {exportCount} {exportCount === 1 ? 'token' : 'tokens'} shown
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => onExport('json')}>
            JSON, the {exportCount} {exportCount === 1 ? 'token' : 'tokens'} shown
          </DropdownMenuItem>
        </DropdownMenu>
      )}
      {secretNote && (
        <p id={ids.note} className="toolbar__note" role="status">
          That held a token: it is searched by what its preview shows, and its secret is not kept
          anywhere.
        </p>
      )}
    </div>
  )
}
