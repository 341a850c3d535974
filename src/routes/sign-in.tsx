import { createFileRoute, redirect } from '@tanstack/react-router'
import { SignInPage } from '../features/session/components/sign-in-page'
import { signInSearchSchema } from '../features/session/lib/sign-in-search'

export const Route = createFileRoute('/sign-in')({
  validateSearch: signInSearchSchema,
  beforeLoad: ({ context }) => {
    if (context.session.getToken() !== null) throw redirect({ to: '/tokens', replace: true })
  },
  component: SignInPage,
})
