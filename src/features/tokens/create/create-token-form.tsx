import type { CreateTokenRequest } from '../api/create-api'
import { useId, useRef, useState, type FormEvent } from 'react'
import { TriangleAlert } from '../../../components/warning-icon'
import { Button } from '../../../components/ui/button'
import { DialogClose } from '../../../components/ui/dialog'
import { formatCalendarDate, formatRelativeTime } from '../../../lib/time/format-time'
import { useNow } from '../../../lib/time/use-now'
import type { CreateErrorCopy } from './describe-create-error'
import {
  expiryInstant,
  grantedScopes,
  NAME_MAX,
  nameLength,
  validateNewToken,
  type FormErrors,
  type NewTokenForm,
} from './new-token-form'
import { ExpiryPicker } from './expiry-picker'
import { ScopePicker } from './scope-picker'
import { RequestId } from '../../../components/request-id'

interface CreateTokenFormProps {
  /** What is typed and chosen: kept by the flow, so closing can ask before it is lost. */
  form: NewTokenForm
  onFormChange: (form: NewTokenForm) => void
  heldScopes: readonly string[]
  /** The name of a usable token the typed one looks the same as: allowed, but said. */
  sameName: string | null
  pending: boolean
  /** The server's refusal of the last submit, kept until the next one. */
  serverError: CreateErrorCopy | null
  onSubmit: (request: CreateTokenRequest) => void
}

/**
 * The new token's name, scopes and expiry, with a summary of what will be created. It is checked
 * as the API checks it before anything is sent; what the server still refuses appears next to the
 * field it concerns. The form stays as typed through every error.
 */
export function CreateTokenForm({
  form,
  onFormChange,
  heldScopes,
  sameName,
  pending,
  serverError,
  onSubmit,
}: CreateTokenFormProps) {
  const now = useNow()
  const [submitted, setSubmitted] = useState(false)
  const ids = {
    name: useId(),
    count: useId(),
    nameError: useId(),
    sameName: useId(),
    scopes: useId(),
    expiry: useId(),
  }
  const nameField = useRef<HTMLInputElement>(null)
  const { errors, request } = validateNewToken(form, heldScopes, now)
  // Client errors once a submit was tried; the server's, on its field, until the next submit.
  const shown: FormErrors = submitted ? { ...errors } : {}
  if (serverError?.field) shown[serverError.field] ??= serverError.message

  const update = (patch: Partial<NewTokenForm>) => onFormChange({ ...form, ...patch })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
    if (pending) return
    if (request) {
      onSubmit(request)
      return
    }
    // Focus the first thing to fix; its message (an alert) appears with this submit's render.
    const fields = event.currentTarget
    const first = errors.name
      ? nameField.current
      : errors.scopes
        ? fields.querySelector<HTMLElement>('.scope-picker input:not(:disabled)')
        : fields.querySelector<HTMLElement>('.expiry-picker input[type="date"]')
    first?.focus()
  }

  const length = nameLength(form.name)
  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <div className="create-form__field">
        <label htmlFor={ids.name}>Name</label>
        <input
          ref={nameField}
          id={ids.name}
          className="input"
          value={form.name}
          onChange={(event) => update({ name: event.target.value })}
          placeholder="For example: CI deploy (GitHub Actions)"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={shown.name ? true : undefined}
          aria-describedby={[ids.count, shown.name && ids.nameError, sameName && ids.sameName]
            .filter(Boolean)
            .join(' ')}
        />
        <p id={ids.count} className={`hint${length > NAME_MAX ? ' field-error' : ''}`}>
          {length} / {NAME_MAX} characters. Say where it is used: it is what you will see here.
        </p>
        {shown.name && (
          <p id={ids.nameError} className="field-error" role="alert">
            {shown.name}
          </p>
        )}
        {sameName && (
          <p id={ids.sameName} className="form-warning">
            <span>
              You already have a token named “<bdi>{sameName}</bdi>”: a distinct name tells them
              apart later.
            </span>
          </p>
        )}
      </div>

      <ScopePicker
        heldScopes={heldScopes}
        ticked={form.scopes}
        onChange={(scopes) => update({ scopes })}
        error={shown.scopes}
        errorId={ids.scopes}
      />

      <ExpiryPicker
        value={form.expiry}
        onChange={(expiry) => update({ expiry })}
        error={shown.expiry}
        errorId={ids.expiry}
      />

      <Summary form={form} now={now} />

      {serverError && serverError.field === null && (
        <div className="form-alert" role="alert">
          <TriangleAlert aria-hidden="true" size={16} />
          <div>
            <p>{serverError.message}</p>
            {serverError.requestId && <RequestId id={serverError.requestId} />}
          </div>
        </div>
      )}
      {serverError?.field && serverError.requestId && <RequestId id={serverError.requestId} />}

      <div className="dialog__actions">
        <DialogClose disabled={pending}>Cancel</DialogClose>
        <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </div>
    </form>
  )
}

/** What will be created, in one sentence, as the form is filled in. */
function Summary({ form, now }: { form: NewTokenForm; now: number }) {
  const scopes = grantedScopes(form.scopes)
  const name = form.name.trim()
  const end = expiryInstant(form.expiry, now)
  const expiry =
    end === null
      ? 'It never expires.'
      : end === undefined || end.getTime() <= now
        ? 'Its expiry date is not set yet.'
        : `It expires on ${formatCalendarDate(end.getTime())} (${formatRelativeTime(end.getTime(), now)}).`
  return (
    <section className="create-summary" aria-label="Summary">
      <p>
        {name ? (
          <>
            Creates “<bdi>{name}</bdi>”
          </>
        ) : (
          'Creates a token'
        )}{' '}
        {scopes.length === 0
          ? 'with no scope chosen yet.'
          : `with ${scopes.length} ${scopes.length === 1 ? 'scope' : 'scopes'}: ${scopes.join(', ')}.`}{' '}
        {expiry}
      </p>
    </section>
  )
}
