import type { Token } from '../api/token-schema'
import type { SortDirection, TokenSortKey } from '../search'
import { SortableHeader } from './sortable-header'
import { TokenRow } from './token-row'

interface TokensTableProps {
  tokens: readonly Token[]
  currentTokenId: string
  sort: { sort: TokenSortKey; dir: SortDirection }
  onSort: (key: TokenSortKey) => void
  now: number
  caption: string
}

export function TokensTable({
  tokens,
  currentTokenId,
  sort,
  onSort,
  now,
  caption,
}: TokensTableProps) {
  return (
    <div className="table-scroll">
      <table className="tokens-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <SortableHeader sortKey="name" current={sort} onSort={onSort}>
              Name
            </SortableHeader>
            <th scope="col">Preview</th>
            <th scope="col">Scopes</th>
            <th scope="col">Status</th>
            <SortableHeader sortKey="created" current={sort} onSort={onSort}>
              Created
            </SortableHeader>
            <SortableHeader sortKey="lastUsed" current={sort} onSort={onSort}>
              Last used
            </SortableHeader>
            <SortableHeader sortKey="expires" current={sort} onSort={onSort}>
              Expires
            </SortableHeader>
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
              isCurrentSession={token.id === currentTokenId}
              now={now}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}
