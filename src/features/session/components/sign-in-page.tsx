import { useQuery } from '@tanstack/react-query'
import { getRouteApi, useRouter } from '@tanstack/react-router'
import { useId, useState, type FormEvent } from 'react'
import { ErrorReference } from '../../../components/error-reference'
import { Button } from '../../../components/ui/button'
import { consoleConfigQueries } from '../../../lib/console-config'
import { describeError } from '../../../lib/http/describe-error'
import { useSession } from '../api/use-session'
import { useSignIn } from '../api/use-sign-in'
import { safeRedirectPath } from '../lib/sign-in-search'
import { SignOutNotice } from './sign-out-notice'
import './sign-in-page.css'

const route = getRouteApi('/sign-in')

export function SignInPage() {
  const router = useRouter()
  const { redirect } = route.useSearch()
  const { data: config } = useQuery(consoleConfigQueries.config())
  const { signOutReason } = useSession()
  const signIn = useSignIn()
  const [reveal, setReveal] = useState(false)
  const ids = { field: useId(), hint: useId(), error: useId() }
  // Still busy after success: the page stays disabled until the navigation lands.
  const busy = signIn.isPending || signIn.isSuccess
  const problem = signIn.isError ? describeError(signIn.error).message : null

  function submit(input: { raw: string } | { demo: true }) {
    signIn.mutate(input, {
      // The page opened starts at its main heading: the Sign in button, and focus, are gone.
      // Unless focus has moved on by the time the navigation settles (a quick Tab, a click).
      onSuccess: () =>
        void router.navigate({ href: safeRedirectPath(redirect), replace: true }).then(() => {
          const focused = document.activeElement
          if (focused === null || focused === document.body)
            document.querySelector<HTMLElement>('main h1')?.focus()
        }),
    })
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // Read from the form: a controlled field would have React mirror the secret into the DOM's
    // `value` attribute, where any selector or serialiser of the page could read it.
    const token = new FormData(event.currentTarget).get('token')
    submit({ raw: typeof token === 'string' ? token : '' })
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <div className="panel sign-in__card">
        <h1 id="sign-in-title">Sign in to the token console</h1>
        <p className="muted">
          Review every OpenTrain personal API token on your account, see when each was last used,
          and revoke the ones you no longer need.
        </p>
        <SignOutNotice reason={signOutReason} />
        <form onSubmit={onSubmit} noValidate>
          <label htmlFor={ids.field}>Personal API token</label>
          <div className="field-with-action">
            <input
              id={ids.field}
              name="token"
              type={reveal ? 'text' : 'password'}
              className="input input--mono"
              placeholder="ot_pat_…"
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              aria-describedby={problem ? `${ids.error} ${ids.hint}` : ids.hint}
              aria-invalid={problem ? true : undefined}
              disabled={busy}
            />
            <Button
              variant="quiet"
              onClick={() => setReveal((shown) => !shown)}
              aria-pressed={reveal}
              disabled={busy}
            >
              {reveal ? 'Hide' : 'Show'}
            </Button>
          </div>
          {problem && (
            <div id={ids.error} className="field-error" role="alert">
              <p>{problem}</p>
              <ErrorReference error={signIn.error} />
            </div>
          )}
          <p id={ids.hint} className="hint">
            Sent once to this console’s server, which keeps it for 12 hours in a cookie no script
            can read: never in this page, its storage or the address bar.
          </p>
          <div className="sign-in__actions">
            <Button type="submit" variant="primary" disabled={busy} aria-busy={busy}>
              {/* Once the token is accepted the header says "signed in": the button follows. */}
              {signIn.isSuccess
                ? 'Signed in, opening your tokens…'
                : busy
                  ? 'Signing in…'
                  : 'Sign in'}
            </Button>
            {config?.demo && (
              // The server signs in with the demo token as it has it now: the page never sees it.
              <Button disabled={busy} onClick={() => submit({ demo: true })}>
                Use the demo token
              </Button>
            )}
          </div>
        </form>
      </div>
    </section>
  )
}
