import './table/tokens-table.css'
import './tokens-skeleton.css'

const ROWS = 5

/** Shown while the first list loads: the page's shape, so nothing jumps when the data arrives. */
export function TokensSkeleton() {
  return (
    <section aria-labelledby="tokens-title" aria-busy="true">
      <h1 id="tokens-title">Personal API tokens</h1>
      <p role="status" className="muted">
        Loading your tokens…
      </p>
      <div className="tokens-grid tokens-grid--skeleton" aria-hidden="true">
        {Array.from({ length: ROWS }, (_, row) => (
          <div key={row} className="tokens-skeleton__row">
            <span className="skeleton skeleton--name" />
            <span className="skeleton" />
            <span className="skeleton" />
            <span className="skeleton" />
          </div>
        ))}
      </div>
    </section>
  )
}
