import './tokens-table.css'
import './tokens-skeleton.css'

const ROWS = 5
const COLUMNS = 8

/** Shown while the first list loads: the page's shape, so nothing jumps when the data arrives. */
export function TokensSkeleton() {
  return (
    <section aria-labelledby="tokens-title" aria-busy="true">
      <h1 id="tokens-title">Personal API tokens</h1>
      <p role="status" className="muted">
        Loading your tokens…
      </p>
      <div className="table-scroll" aria-hidden="true">
        <table className="tokens-table tokens-table--skeleton">
          <tbody>
            {Array.from({ length: ROWS }, (_, row) => (
              <tr key={row}>
                {Array.from({ length: COLUMNS }, (_, column) => (
                  <td key={column}>
                    <span className="skeleton" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
