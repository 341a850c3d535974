import { useSessionTokenId } from '../../session/api/me-queries'
import type { Token } from '../api/token-schema'
import type { SortDirection, TokenSortKey } from '../search'
import { SortableHeader } from './sortable-header'
import { TokenRow } from './token-row'
import './tokens-table.css'

interface TokensTableProps {
  /** The rows to show, already filtered and sorted. */
  tokens: readonly Token[]
  /** Ids with a revoke in flight (from the mutation cache). */
  pendingIds: ReadonlySet<string>
  sortKey: TokenSortKey
  sortDir: SortDirection
  onSort: (key: TokenSortKey) => void
  onRevoke: (token: Token) => void
  caption: string
}

/** The token table: sortable headers and one row per token. */
export function TokensTable({
  tokens,
  pendingIds,
  sortKey,
  sortDir,
  onSort,
  onRevoke,
  caption,
}: TokensTableProps) {
  const sessionTokenId = useSessionTokenId()
  const header = (key: TokenSortKey, label: string) => (
    <SortableHeader sortKey={key} active={sortKey === key} dir={sortDir} onSort={onSort}>
      {label}
    </SortableHeader>
  )
  return (
    <div className="table-scroll">
      <table className="tokens-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {header('name', 'Name')}
            <th scope="col">Preview</th>
            <th scope="col">Scopes</th>
            <th scope="col">Status</th>
            {header('created', 'Created')}
            {header('lastUsed', 'Last used')}
            {header('expires', 'Expires')}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <TokenRow
              key={token.id}
              token={token}
              isCurrentSession={token.id === sessionTokenId}
              pending={pendingIds.has(token.id)}
              onRevoke={onRevoke}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}
