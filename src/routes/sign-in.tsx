import { createFileRoute, redirect } from '@tanstack/react-router'
import { SignInPage } from '../features/session/components/sign-in-page'
import { validateSignInSearch } from '../features/session/lib/sign-in-search'

export const Route = createFileRoute('/sign-in')({
  validateSearch: validateSignInSearch,
  beforeLoad: ({ context }) => {
    if (context.session.isSignedIn()) throw redirect({ to: '/tokens', replace: true })
  },
  component: SignInPage,
})
