import { Link } from '@tanstack/react-router'

/** A review page's title (focusable, as a route's heading is) and the way back to the tokens. */
export function ReviewHeading({ id, title }: { id: string; title: string }) {
  return (
    <div className="page-heading">
      <h1 id={id} tabIndex={-1}>
        {title}
      </h1>
      <div className="page-heading__side">
        <Link to="/tokens" className="button button--quiet">
          Back to tokens
        </Link>
      </div>
    </div>
  )
}
