import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router'
import { useEffect } from 'react'
import { describeError } from '../lib/http/describe-error'
import { ErrorReference } from './error-reference'
import { Button } from './ui/button'
import './route-error.css'

export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter()
  const queryErrorResetBoundary = useQueryErrorResetBoundary()
  useEffect(() => {
    queryErrorResetBoundary.reset()
  }, [queryErrorResetBoundary])
  const { title, message } = describeError(error)

  return (
    <section className="panel panel--error" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title">{title}</h1>
      <p>{message}</p>
      <ErrorReference error={error} />
      <Button variant="primary" onClick={() => void router.invalidate()}>
        Try again
      </Button>
    </section>
  )
}
