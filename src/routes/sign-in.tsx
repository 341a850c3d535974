import { createFileRoute, redirect } from '@tanstack/react-router'
import { signInSearchSchema } from '../features/session/sign-in-search'
import { SignInPage } from '../features/session/components/sign-in-page'
import { readSessionToken } from '../lib/session-store'

export const Route = createFileRoute('/sign-in')({
  validateSearch: signInSearchSchema,
  beforeLoad: () => {
    if (readSessionToken() !== null) throw redirect({ to: '/tokens', replace: true })
  },
  component: SignInPage,
})
