import { Link } from '@tanstack/react-router'
import './ui/button.css'
import './not-found.css'

export function NotFound() {
  return (
    <section className="panel panel--centred" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/tokens" className="button button--primary">
        Go to your tokens
      </Link>
    </section>
  )
}
